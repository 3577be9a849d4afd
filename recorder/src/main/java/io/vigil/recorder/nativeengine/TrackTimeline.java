package io.vigil.recorder.nativeengine;

/**
 * One track's place on the session's stream timeline (glossary: stream time): its RTP timestamps, already extended
 * past wrap-around, mapped to microseconds by its clock rate from an anchor, a timestamp known to be at a given
 * stream time. Video anchors at its first access unit (stream time 0); audio at the stream time RTP-Info or its first
 * arrival gives. Pure.
 */
final class TrackTimeline {

    private final int clockRateHz;
    private boolean anchored;
    private long anchorTimestamp;
    private long anchorMicros;

    TrackTimeline(int clockRateHz) {
        if (clockRateHz <= 0) {
            throw new IllegalArgumentException("a clock rate is positive: " + clockRateHz);
        }
        this.clockRateHz = clockRateHz;
    }

    int clockRateHz() {
        return clockRateHz;
    }

    boolean anchored() {
        return anchored;
    }

    /** Puts the extended timestamp {@code timestamp} at {@code streamMicros}. */
    void anchor(long timestamp, long streamMicros) {
        anchored = true;
        anchorTimestamp = timestamp;
        anchorMicros = streamMicros;
    }

    /** The stream time of the extended timestamp {@code timestamp}; the track must be anchored. */
    long micros(long timestamp) {
        if (!anchored) {
            throw new IllegalStateException("the track is not anchored yet");
        }
        return anchorMicros + Math.floorDiv((timestamp - anchorTimestamp) * 1_000_000L, clockRateHz);
    }

    /** Stream microseconds in this track's ticks, rounded down. */
    long ticks(long streamMicros) {
        return Math.floorDiv(streamMicros * clockRateHz, 1_000_000L);
    }

    /**
     * The 32-bit RTP timestamp {@code raw} (from a sender report or RTP-Info) extended to the value nearest
     * {@code nearExtended}, forward or back.
     */
    static long extendNear(long raw, long nearExtended) {
        long delta = (raw - nearExtended) & 0xFFFF_FFFFL;
        if (delta >= 0x8000_0000L) {
            delta -= 0x1_0000_0000L;
        }
        return nearExtended + delta;
    }
}
