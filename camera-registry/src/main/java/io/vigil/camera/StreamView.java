package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One of a camera's streams as the API shows it ({@code streams.main}, {@code streams.sub}): its URL without
 * credentials, how long and within what quota it is kept, and what its recorder is doing.
 */
@Serdeable
public record StreamView(
        String url, int retentionDays, @Nullable Long maxBytes, CameraStatus status) {}
