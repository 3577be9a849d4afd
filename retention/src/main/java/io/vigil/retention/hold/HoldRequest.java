package io.vigil.retention.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/holds}: times as RFC 3339 text, validated by {@link Holds#place}. */
@Serdeable
public record HoldRequest(
        @Nullable String cameraId,
        @Nullable String start,
        @Nullable String end,
        @Nullable String reason) {}
