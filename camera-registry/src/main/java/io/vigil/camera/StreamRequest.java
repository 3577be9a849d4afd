package io.vigil.camera;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One stream of a camera as an installer writes it ({@code streams.sub} in the API and the cameras file); checked by
 * {@link SubStreamValidator}. For the sub stream: an empty {@code url} removes it, a missing one keeps the stored URL;
 * a missing {@code retentionDays} keeps the stored days (the main stream's for a new sub stream); {@code maxBytes} 0
 * removes the quota, missing keeps it; {@code quota} gives it as text instead ({@link QuotaField}). For the main stream, the fields stand for the camera's own {@code url},
 * {@code retentionDays} and {@code maxBytes}.
 */
@Serdeable
public record StreamRequest(
        @Nullable String url,
        @Nullable Integer retentionDays,
        @Nullable Long maxBytes,
        @Nullable String quota) {

    @Creator
    public StreamRequest {}

    /** A stream whose quota, if any, is given as {@code maxBytes}. */
    public StreamRequest(String url, Integer retentionDays, Long maxBytes) {
        this(url, retentionDays, maxBytes, null);
    }

    @Override
    public String toString() {
        return "StreamRequest[url=" + RtspUrl.redact(url) + "]";
    }
}
