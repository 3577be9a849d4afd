package io.vigil.recorder;

import java.time.Duration;
import java.time.Instant;

/**
 * Gives segments their wall-clock start. Every packet's receive time is observed; the smallest
 * "receive time minus stream time" seen is the best estimate of when stream time zero was captured
 * (packets only ever arrive late, and a camera's first burst arrives very late). A session's first
 * segment starts at that estimate; the following ones follow the stream's own timestamps, so they are
 * exactly contiguous, until the stream clock drifts from the receive clock by more than a bound, when
 * segment times are moved to the estimate again. Starts never go back past the previous segment's end.
 *
 * <p>A camera that sends RTCP sender reports says itself when a stream time was captured. A report is believed when it
 * agrees with the receive clock: capture no later than {@link #SENDER_AHEAD_TOLERANCE} after the least-delayed arrival
 * (a camera whose clock runs a little ahead) and no earlier than the drift bound before it. A believed report replaces
 * the arrival estimate; one that disagrees (a camera clock that is not set) is counted and ignored. Pure.
 */
public final class SegmentClock {

    /** How far after the least-delayed arrival a sender report may place a capture. */
    public static final Duration SENDER_AHEAD_TOLERANCE = Duration.ofSeconds(1);

    private final long maxDriftMicros;
    private long minOffsetMicros = Long.MAX_VALUE;
    private long reportOffsetMicros = Long.MAX_VALUE;
    private int ignoredReports;
    private boolean anchored;
    private long anchorWallMicros;
    private long anchorStreamMicros;
    private Instant previousEnd;
    private int reanchors;

    public SegmentClock(Duration maxDrift) {
        this.maxDriftMicros = maxDrift.toNanos() / 1000;
    }

    /** Notes that the packet at {@code streamMicros} arrived at {@code receivedAt}. */
    public void observe(long streamMicros, Instant receivedAt) {
        long offset = micros(receivedAt) - streamMicros;
        if (offset < minOffsetMicros) {
            minOffsetMicros = offset;
        }
    }

    /**
     * Notes a sender report: the stream time {@code streamMicros} was captured at {@code capturedAt} by the camera's
     * clock. Returns whether it was believed; call after observing at least one packet.
     */
    public boolean senderReport(long streamMicros, Instant capturedAt) {
        if (minOffsetMicros == Long.MAX_VALUE) {
            return false;
        }
        long offset = micros(capturedAt) - streamMicros;
        long aheadMicros = offset - minOffsetMicros;
        if (aheadMicros > SENDER_AHEAD_TOLERANCE.toNanos() / 1000 || aheadMicros < -maxDriftMicros) {
            ignoredReports++;
            return false;
        }
        reportOffsetMicros = offset;
        return true;
    }

    /** Sender reports that disagreed with the receive clock and were ignored. */
    public int ignoredReports() {
        return ignoredReports;
    }

    /** Whether segment times follow the camera's sender reports (else the least-delayed arrival). */
    public boolean followsSenderReports() {
        return reportOffsetMicros != Long.MAX_VALUE;
    }

    /**
     * The wall-clock start of the segment whose first packet has stream time {@code streamMicros};
     * call after observing at least that packet.
     */
    public Instant startOf(long streamMicros) {
        if (minOffsetMicros == Long.MAX_VALUE) {
            throw new IllegalStateException("no packet observed yet");
        }
        long estimate = streamMicros + (followsSenderReports() ? reportOffsetMicros : minOffsetMicros);
        if (!anchored) {
            anchor(streamMicros, estimate);
        }
        long byStream = anchorWallMicros + (streamMicros - anchorStreamMicros);
        if (Math.abs(byStream - estimate) > maxDriftMicros) {
            anchor(streamMicros, estimate);
            byStream = estimate;
            reanchors++;
        }
        Instant start = Instant.ofEpochSecond(0, byStream * 1000);
        return previousEnd != null && start.isBefore(previousEnd) ? previousEnd : start;
    }

    /**
     * Where {@link #startOf} would put a segment starting at {@code streamMicros} now, without anchoring anything: the
     * live edge's date of a segment still being written. Null before the first packet.
     */
    public Instant estimate(long streamMicros) {
        if (minOffsetMicros == Long.MAX_VALUE) {
            return null;
        }
        long estimate = streamMicros + (followsSenderReports() ? reportOffsetMicros : minOffsetMicros);
        long byStream = anchored ? anchorWallMicros + (streamMicros - anchorStreamMicros) : estimate;
        long micros = Math.abs(byStream - estimate) > maxDriftMicros ? estimate : byStream;
        Instant start = Instant.ofEpochSecond(0, micros * 1000);
        return previousEnd != null && start.isBefore(previousEnd) ? previousEnd : start;
    }

    /** Tells the clock where the segment that started at {@link #startOf} ended. */
    public void ended(Instant segmentEnd) {
        previousEnd = segmentEnd;
    }

    /** How often the stream clock drifted past the bound. */
    public int reanchors() {
        return reanchors;
    }

    private void anchor(long streamMicros, long wallMicros) {
        anchored = true;
        anchorStreamMicros = streamMicros;
        anchorWallMicros = wallMicros;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
