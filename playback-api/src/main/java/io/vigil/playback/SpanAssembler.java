package io.vigil.playback;

import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges segments or stored spans, fed oldest first, into recorded spans: consecutive parts of one session
 * whose gap is at most the tolerance join the same span. Clips everything to the requested range and lists
 * the gaps between spans. Pure, and streaming: a month of segments needs no list of rows.
 */
public final class SpanAssembler {

    private final long fromMillis;
    private final long toMillis;
    private final long toleranceMillis;
    private final List<TimeRange> spans = new ArrayList<>();
    private String sessionId;
    private long spanStart = -1;
    private long spanEnd;

    /**
     * @param from            range start
     * @param to              range end (exclusive)
     * @param toleranceMillis largest gap not counted as one
     */
    public SpanAssembler(Instant from, Instant to, long toleranceMillis) {
        this.fromMillis = from.toEpochMilli();
        this.toMillis = to.toEpochMilli();
        this.toleranceMillis = toleranceMillis;
    }

    /** Adds the next segment or recorded span, {@code [startMillis, endMillis)} (oldest first). */
    public void add(String segmentSessionId, long startMillis, long endMillis) {
        long start = Math.max(startMillis, fromMillis);
        long end = Math.min(endMillis, toMillis);
        if (end <= start) {
            return;
        }
        if (spanStart >= 0 && segmentSessionId.equals(sessionId) && start - spanEnd <= toleranceMillis) {
            spanEnd = Math.max(spanEnd, end);
            return;
        }
        close();
        sessionId = segmentSessionId;
        spanStart = start;
        spanEnd = end;
    }

    /** The recorded spans, oldest first. */
    public List<TimeRange> spans() {
        close();
        return List.copyOf(spans);
    }

    /** The parts of the range not covered by a span. */
    public List<TimeRange> gaps() {
        List<TimeRange> gaps = new ArrayList<>();
        long cursor = fromMillis;
        for (TimeRange s : spans()) {
            long start = s.start().toEpochMilli();
            if (start > cursor) {
                gaps.add(new TimeRange(Instant.ofEpochMilli(cursor), s.start()));
            }
            cursor = Math.max(cursor, s.end().toEpochMilli());
        }
        if (cursor < toMillis) {
            gaps.add(new TimeRange(Instant.ofEpochMilli(cursor), Instant.ofEpochMilli(toMillis)));
        }
        return gaps;
    }

    private void close() {
        if (spanStart >= 0) {
            spans.add(new TimeRange(Instant.ofEpochMilli(spanStart), Instant.ofEpochMilli(spanEnd)));
            spanStart = -1;
        }
    }
}
