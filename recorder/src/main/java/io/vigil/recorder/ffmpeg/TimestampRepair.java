package io.vigil.recorder.ffmpeg;

/**
 * Makes one stream's packet timestamps usable by the MP4 muxer: fills a missing PTS or DTS,
 * keeps DTS strictly increasing (bumping by at least one millisecond, as the muxer rejects
 * equal DTS), and absorbs large jumps (camera clock resets, 32-bit wraps, RTCP re-basing) so
 * the stream's timeline stays continuous. Pure: one instance per stream per session.
 */
public final class TimestampRepair {

    /** FFmpeg's AV_NOPTS_VALUE. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final long minStepTicks;
    private final long maxJumpTicks;
    private long offsetTicks;
    private long lastDts = NO_TIMESTAMP;
    private long lastStepTicks;
    private int repairs;

    /**
     * @param ticksPerSecond timescale of the stream (time base denominator over numerator)
     * @param maxJumpMillis  a DTS step larger than this, forward or back, is treated as a jump
     */
    public TimestampRepair(double ticksPerSecond, long maxJumpMillis) {
        if (!(ticksPerSecond > 0)) {
            throw new IllegalArgumentException("ticksPerSecond must be > 0");
        }
        this.minStepTicks = Math.max(1, Math.round(ticksPerSecond / 1000.0));
        this.maxJumpTicks = Math.max(minStepTicks, Math.round(ticksPerSecond * maxJumpMillis / 1000.0));
        this.lastStepTicks = minStepTicks;
    }

    /** Repaired timestamps of one packet. */
    public record Stamp(long pts, long dts) {}

    /** Repairs a packet's timestamps; either may be {@link #NO_TIMESTAMP}. */
    public Stamp repair(long pts, long dts) {
        if (dts == NO_TIMESTAMP && pts == NO_TIMESTAMP) {
            long next = lastDts == NO_TIMESTAMP ? 0 : lastDts + lastStepTicks;
            repairs++;
            lastDts = next;
            return new Stamp(next, next);
        }
        if (dts == NO_TIMESTAMP) {
            // With B-frames PTS is not monotonic, so a missing DTS is estimated from the previous one.
            dts = lastDts == NO_TIMESTAMP ? pts : Math.min(pts, lastDts - offsetTicks + lastStepTicks);
        }
        if (pts == NO_TIMESTAMP) {
            pts = dts;
        }
        long shiftedDts = dts + offsetTicks;
        long shiftedPts = pts + offsetTicks;
        if (lastDts != NO_TIMESTAMP) {
            long step = shiftedDts - lastDts;
            if (step > maxJumpTicks || step < -maxJumpTicks) {
                long newOffset = offsetTicks + (lastDts + lastStepTicks) - shiftedDts;
                shiftedPts += newOffset - offsetTicks;
                shiftedDts += newOffset - offsetTicks;
                offsetTicks = newOffset;
                repairs++;
            } else if (step <= 0) {
                long bump = lastDts + minStepTicks - shiftedDts;
                shiftedDts += bump;
                repairs++;
            } else {
                lastStepTicks = step;
            }
        }
        if (shiftedPts < shiftedDts) {
            shiftedPts = shiftedDts;
        }
        lastDts = shiftedDts;
        return new Stamp(shiftedPts, shiftedDts);
    }

    /** How many packets needed repair so far. */
    public int repairs() {
        return repairs;
    }
}
