package io.vigil.investigation.event;

import io.micronaut.core.annotation.Nullable;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event as {@link EventRules} accepted it, before it is stored: its cameras (no repeats, in the order given), its
 * time, words, and the range to hold if it asked for one.
 *
 * @param hold the footage to hold, {@code [start - before, (end or start) + after)}; null: none
 */
public record NewEvent(
        List<String> cameraIds,
        Instant start,
        @Nullable Instant end,
        String label,
        @Nullable String note,
        @Nullable String source,
        @Nullable TimeRange hold) {

    public NewEvent {
        cameraIds = List.copyOf(cameraIds);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(label, "label");
    }
}
