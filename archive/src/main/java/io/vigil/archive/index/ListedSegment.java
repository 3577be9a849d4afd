package io.vigil.archive.index;

import java.util.Objects;

/**
 * A segment as a playlist lists it: where it sits in time, its session and the init segment it needs,
 * covering {@code [startMillis, startMillis + durationMillis)}. Read from an index that holds exactly these
 * columns, so a day of segments is listed without touching the segment rows.
 *
 * @param sequence       per-camera sequence number (the HLS media sequence)
 * @param sessionId      recording session that produced it
 * @param startMillis    wall-clock start, epoch ms UTC
 * @param durationMillis duration from packet timestamps
 * @param initKey        key of the init segment it needs
 * @param keyframeStart  true if it starts with a keyframe
 */
public record ListedSegment(
        long sequence, String sessionId, long startMillis, int durationMillis, String initKey, boolean keyframeStart) {

    public ListedSegment {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(initKey, "initKey");
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0, was " + durationMillis);
        }
    }

    public static ListedSegment of(Segment s) {
        return new ListedSegment(
                s.sequence(),
                s.sessionId(),
                s.start().toEpochMilli(),
                s.durationMillis(),
                s.initKey(),
                s.keyframeStart());
    }

    /** Exclusive end, epoch ms UTC. */
    public long endMillis() {
        return startMillis + durationMillis;
    }
}
