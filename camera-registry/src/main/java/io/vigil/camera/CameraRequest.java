package io.vigil.camera;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A camera as an installer writes it, in the API or the cameras file; every field may be missing or
 * wrong until {@link CameraValidator} has checked it. {@code password} is write-only: on update, a
 * null password keeps the stored one, an empty string removes it. Likewise a null {@code maxBytes} keeps
 * the stored quota and 0 removes it (no quota); {@code quota} gives it as text instead ({@code 500MB}, an empty string
 * or 0 removes it; never both: {@link QuotaField}), and a null {@code tlsFingerprint} keeps the pinned certificate and
 * an empty string unpins it. A new scheme, host or port in {@code url} drops the stored user name, password and
 * pinned certificate unless the same request gives them again ({@link RtspOrigin}). A null {@code engine} keeps the
 * camera's engine ({@code native} for a new camera). {@code streams.main} stands for {@code url},
 * {@code retentionDays} and {@code maxBytes} when they are missing; {@code streams.sub} adds, changes or (with an empty
 * url) removes the sub stream, and a missing one keeps it ({@link StreamRequest}).
 */
@Serdeable
public record CameraRequest(
        @Nullable String id,
        @Nullable String name,
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String transport,
        @Nullable Boolean enabled,
        @Nullable Integer retentionDays,
        @Nullable Long maxBytes,
        @Nullable String tlsFingerprint,
        @Nullable String engine,
        @Nullable StreamsRequest streams,
        @Nullable String quota) {

    @Creator
    public CameraRequest {}

    /** A request that leaves the camera's streams as they are. */
    public CameraRequest(
            String id,
            String name,
            String url,
            String username,
            String password,
            String transport,
            Boolean enabled,
            Integer retentionDays,
            Long maxBytes,
            String tlsFingerprint,
            String engine) {
        this(
                id,
                name,
                url,
                username,
                password,
                transport,
                enabled,
                retentionDays,
                maxBytes,
                tlsFingerprint,
                engine,
                null,
                null);
    }

    /** A request that leaves the pinned certificate and the engine as they are. */
    public CameraRequest(
            String id,
            String name,
            String url,
            String username,
            String password,
            String transport,
            Boolean enabled,
            Integer retentionDays,
            Long maxBytes) {
        this(id, name, url, username, password, transport, enabled, retentionDays, maxBytes, null, null);
    }

    @Override
    public String toString() {
        return "CameraRequest[id=" + id + ", url=" + RtspUrl.redact(url) + "]";
    }
}
