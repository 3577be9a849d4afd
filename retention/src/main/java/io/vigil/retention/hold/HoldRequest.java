package io.vigil.retention.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/holds}: times as RFC 3339 text, validated by {@link Holds#place}; {@code stream} ({@code main}
 * or {@code sub}) limits it to one stream of the camera, missing holds all of them.
 */
@Serdeable
public record HoldRequest(
        @Nullable String cameraId,
        @Nullable String start,
        @Nullable String end,
        @Nullable String reason,
        @Nullable String stream) {

    @io.micronaut.core.annotation.Creator
    public HoldRequest {}

    /** A hold of every stream of the camera. */
    public HoldRequest(String cameraId, String start, String end, String reason) {
        this(cameraId, start, end, reason, null);
    }
}
