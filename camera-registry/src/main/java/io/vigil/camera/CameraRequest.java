package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A camera as an installer writes it, in the API or the cameras file; every field may be missing or
 * wrong until {@link CameraValidator} has checked it. {@code password} is write-only: on update, a
 * null password keeps the stored one, an empty string removes it. Likewise a null {@code maxBytes} keeps
 * the stored quota and 0 removes it (no quota).
 */
@Serdeable
public record CameraRequest(@Nullable String id, @Nullable String name, @Nullable String url,
                            @Nullable String username, @Nullable String password, @Nullable String transport,
                            @Nullable Boolean enabled, @Nullable Integer retentionDays,
                            @Nullable Long maxBytes) {

    @Override
    public String toString() {
        return "CameraRequest[id=" + id + ", url=" + RtspUrl.redact(url) + "]";
    }
}
