package io.vigil.recorder;

import java.time.Duration;
import java.time.Instant;

/**
 * Gives segments their wall-clock start: the receive time of the session's first packet, advanced by
 * the stream's own timestamps, so consecutive segments of a session are exactly contiguous. If the
 * stream's clock drifts from the receive clock by more than a bound, the anchor is moved to the
 * receive time (never backwards past the previous segment's end). Pure.
 */
public final class SegmentClock {

    private final long maxDriftMicros;
    private Instant anchorWall;
    private long anchorStreamMicros;
    private Instant previousEnd;
    private int reanchors;

    public SegmentClock(Duration maxDrift) {
        this.maxDriftMicros = maxDrift.toNanos() / 1000;
    }

    /**
     * @param streamMicros stream time of the segment's first packet
     * @param receivedAt   when that packet was received
     * @return the segment's wall-clock start
     */
    public Instant startOf(long streamMicros, Instant receivedAt) {
        if (anchorWall == null) {
            anchor(streamMicros, receivedAt);
        }
        Instant byStream = anchorWall.plusNanos((streamMicros - anchorStreamMicros) * 1000);
        long driftMicros = Duration.between(receivedAt, byStream).toNanos() / 1000;
        if (Math.abs(driftMicros) > maxDriftMicros) {
            Instant reanchored = previousEnd != null && receivedAt.isBefore(previousEnd) ? previousEnd : receivedAt;
            anchor(streamMicros, reanchored);
            reanchors++;
            byStream = reanchored;
        }
        if (previousEnd != null && byStream.isBefore(previousEnd)) {
            byStream = previousEnd;
        }
        return byStream;
    }

    /** Tells the clock where the segment that started at {@link #startOf} ended. */
    public void ended(Instant segmentEnd) {
        previousEnd = segmentEnd;
    }

    /** How often the stream clock drifted past the bound. */
    public int reanchors() {
        return reanchors;
    }

    private void anchor(long streamMicros, Instant wall) {
        anchorWall = wall;
        anchorStreamMicros = streamMicros;
    }
}
