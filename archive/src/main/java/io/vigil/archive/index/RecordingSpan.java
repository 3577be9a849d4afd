package io.vigil.archive.index;

import java.util.Objects;

/**
 * A run of one recording session's segments, in sequence order, each starting at most
 * {@link #JOIN_TOLERANCE_MILLIS} after the previous one ended: {@code [startMillis, endMillis)}.
 * The index keeps these in step with its segment rows, so a timeline reads spans, not segments.
 *
 * @param cameraId      camera slug
 * @param firstSequence sequence of the first segment
 * @param lastSequence  sequence of the last segment
 * @param sessionId     recording session of every segment in it
 * @param startMillis   start of the first segment, epoch ms (inclusive)
 * @param endMillis     end of the last segment, epoch ms (exclusive)
 */
public record RecordingSpan(
        String cameraId, long firstSequence, long lastSequence, String sessionId, long startMillis, long endMillis) {

    /**
     * Largest pause between segments of one session that still counts as continuous recording. Segments of
     * a session follow each other exactly but for millisecond rounding; anything longer is a real gap (a
     * dropped segment, a clock re-anchor). Playback may merge spans further with its own, larger tolerance.
     */
    public static final long JOIN_TOLERANCE_MILLIS = 250;

    public RecordingSpan {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(sessionId, "sessionId");
        if (lastSequence < firstSequence) {
            throw new IllegalArgumentException(
                    "span's last sequence " + lastSequence + " before first " + firstSequence);
        }
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("span must end after it starts: " + startMillis + " .. " + endMillis);
        }
    }

    /** The span of one segment. */
    public static RecordingSpan of(Segment s) {
        return new RecordingSpan(
                s.cameraId(),
                s.sequence(),
                s.sequence(),
                s.sessionId(),
                s.start().toEpochMilli(),
                s.end().toEpochMilli());
    }

    /** True if {@code next}, the following segment or span, continues this span without a gap. */
    public boolean continuedBy(RecordingSpan next) {
        return next.firstSequence > lastSequence
                && next.sessionId.equals(sessionId)
                && next.startMillis - endMillis <= JOIN_TOLERANCE_MILLIS;
    }

    /** This span with {@code next} (which must continue it) appended. */
    public RecordingSpan join(RecordingSpan next) {
        return new RecordingSpan(
                cameraId,
                firstSequence,
                next.lastSequence,
                sessionId,
                startMillis,
                Math.max(endMillis, next.endMillis));
    }

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
