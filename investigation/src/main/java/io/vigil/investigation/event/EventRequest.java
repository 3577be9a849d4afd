package io.vigil.investigation.event;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST /api/events}, as sent: times RFC 3339, hold durations ISO-8601; {@link EventRules} checks it.
 * {@code at} for a point event, or {@code start} and {@code end} for a ranged one.
 */
@Serdeable
public record EventRequest(
        @Nullable List<String> cameraIds,
        @Nullable String at,
        @Nullable String start,
        @Nullable String end,
        @Nullable String label,
        @Nullable String note,
        @Nullable String source,
        @Nullable HoldAround hold) {

    @Creator
    public EventRequest {}

    /**
     * Hold the footage from {@code before} the event's start to {@code after} its end (or its instant): ISO-8601
     * durations, each at most 24 h, missing meaning none.
     */
    @Serdeable
    public record HoldAround(
            @Nullable String before, @Nullable String after) {}
}
