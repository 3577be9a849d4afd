package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A camera's streams as an installer writes them: {@code {main: {url}, sub: {url, retentionDays, maxBytes}}}. */
@Serdeable
public record StreamsRequest(
        @Nullable StreamRequest main, @Nullable StreamRequest sub) {}
