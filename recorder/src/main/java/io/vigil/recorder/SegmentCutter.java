package io.vigil.recorder;

/**
 * Decides where media segments end, from video packet times alone. A segment ends before the first
 * keyframe at or past the target duration (less 10 %, so a camera whose GOP equals the target is
 * cut at every keyframe despite timestamp jitter); if no keyframe comes, it ends at twice the target
 * anyway and the next segment is marked as not keyframe-started. Pure.
 */
public final class SegmentCutter {

    private final long cutAfterMicros;
    private final long maxMicros;
    private long segmentStartMicros = Long.MIN_VALUE;
    private boolean segmentStartsWithKeyframe;

    public SegmentCutter(long targetMillis) {
        if (targetMillis < 100) {
            throw new IllegalArgumentException("target segment duration must be >= 100 ms");
        }
        this.cutAfterMicros = targetMillis * 900;
        this.maxMicros = 2 * targetMillis * 1000;
    }

    /** What to do with a video packet. */
    public enum Decision {
        /** Wait: packets before the first keyframe of a session are not recorded. */
        SKIP,
        /** Append to the current segment. */
        APPEND,
        /** Close the current segment, then start a new one with this packet. */
        CUT,
        /** Start the first segment with this packet. */
        START
    }

    public Decision onVideoPacket(long dtsMicros, boolean keyframe) {
        if (segmentStartMicros == Long.MIN_VALUE) {
            if (!keyframe) {
                return Decision.SKIP;
            }
            begin(dtsMicros, true);
            return Decision.START;
        }
        long elapsed = dtsMicros - segmentStartMicros;
        if (keyframe && elapsed >= cutAfterMicros) {
            begin(dtsMicros, true);
            return Decision.CUT;
        }
        if (elapsed >= maxMicros) {
            begin(dtsMicros, keyframe);
            return Decision.CUT;
        }
        return Decision.APPEND;
    }

    /** True once the first segment has started. */
    public boolean started() {
        return segmentStartMicros != Long.MIN_VALUE;
    }

    /** Stream time at which the current segment started. */
    public long segmentStartMicros() {
        return segmentStartMicros;
    }

    /** Whether the current segment starts with a keyframe. */
    public boolean segmentStartsWithKeyframe() {
        return segmentStartsWithKeyframe;
    }

    private void begin(long dtsMicros, boolean keyframe) {
        segmentStartMicros = dtsMicros;
        segmentStartsWithKeyframe = keyframe;
    }
}
