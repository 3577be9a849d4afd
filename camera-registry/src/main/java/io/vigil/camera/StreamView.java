package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One of a camera's streams as the API shows it ({@code streams.main}, {@code streams.sub}): its URL without
 * credentials, how long and within what quota it is kept ({@code maxBytes}, and {@code quota} as an installer writes
 * it: {@code 500MB}), what its recorder is doing, and what its footage takes ({@link StreamStorage}).
 */
@Serdeable
public record StreamView(
        String url,
        int retentionDays,
        @Nullable Long maxBytes,
        @Nullable String quota,
        CameraStatus status,
        StreamStorage storage) {}
