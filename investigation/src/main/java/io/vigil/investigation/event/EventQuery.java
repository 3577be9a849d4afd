package io.vigil.investigation.event;

import io.micronaut.core.annotation.Nullable;
import io.vigil.error.VigilException;
import io.vigil.kernel.CameraId;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.Map;

/**
 * Which events a listing asks for: those overlapping {@code [start, end)} (a point event when its instant lies in
 * it), of one camera, with one label, newest first (by start, then id), after a cursor, at most {@code limit}.
 *
 * @param start  events covering time at or after it; null: no lower bound
 * @param end    events starting before it; null: no upper bound
 * @param after  where the previous page ended ({@link EventCursor}); null for the first page
 */
public record EventQuery(
        @Nullable String cameraId,
        @Nullable Instant start,
        @Nullable Instant end,
        @Nullable String label,
        @Nullable EventCursor after,
        int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public EventQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
    }

    /** The query the parameters of {@code GET /api/events} ask for; 400 naming the parameter at fault. */
    public static EventQuery parse(
            String cameraId, String start, String end, String label, String limit, String after) {
        if (cameraId != null) {
            CameraId.require("cameraId", cameraId);
        }
        Instant from = TimeRange.optionalInstant("start", start);
        Instant to = TimeRange.optionalInstant("end", end);
        if (from != null && to != null) {
            new TimeRange(from, to); // end after start
        }
        if (label != null && (label.isBlank() || label.length() > EventRules.MAX_LABEL_LENGTH)) {
            throw VigilException.invalid(Map.of("label", "must be 1-" + EventRules.MAX_LABEL_LENGTH + " characters"));
        }
        return new EventQuery(
                cameraId,
                from,
                to,
                label == null ? null : label.trim(),
                after == null ? null : EventCursor.parse(after),
                limit(limit));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw VigilException.invalid(Map.of("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }
}
