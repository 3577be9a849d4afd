package io.vigil.media.rtcp;

import java.util.Optional;

/**
 * What a receiver counts of one RTP source to write its receiver reports (RFC 3550 §6.4.2 and appendix A.3): the
 * first and the highest sequence number (extended across wrap-around), the packets received, the counts at the last
 * report, and the last sender report with when it arrived. Jitter is not measured: reported as 0, which §6.4.1
 * allows a receiver that does not compute it to send. Times are the caller's monotonic nanoseconds. Not thread-safe:
 * one per track, on its session's thread.
 */
public final class ReceptionStatistics {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private boolean started;
    private long sourceSsrc;
    private int baseSequence;
    private int highestSequence;
    private long cycles;
    private long receivedPackets;
    private long expectedPrior;
    private long receivedPrior;
    private long lastSenderReport;
    private long lastSenderReportNanos;
    private boolean sawSenderReport;

    /** One RTP packet of the source arrived. */
    public void packet(int sequenceNumber, long ssrc) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("an RTP sequence number is 16 bits: " + sequenceNumber);
        }
        sourceSsrc = ssrc;
        receivedPackets++;
        if (!started) {
            started = true;
            baseSequence = sequenceNumber;
            highestSequence = sequenceNumber;
            return;
        }
        int delta = (sequenceNumber - highestSequence) & 0xFFFF;
        if (delta != 0 && delta < 0x8000) { // ahead, perhaps after a gap; behind is a late or repeated packet
            if (sequenceNumber < highestSequence) {
                cycles += 0x1_0000;
            }
            highestSequence = sequenceNumber;
        }
    }

    /** A sender report of the source arrived at {@code arrivalNanos}. */
    public void senderReport(SenderReport report, long arrivalNanos) {
        lastSenderReport = report.middle32();
        lastSenderReportNanos = arrivalNanos;
        sawSenderReport = true;
    }

    public long receivedPackets() {
        return receivedPackets;
    }

    /**
     * The receiver report to send at {@code nowNanos} from {@code reporterSsrc}, none before the first packet; the
     * counts since the last report start again from here.
     */
    public Optional<ReceiverReport> report(long reporterSsrc, long nowNanos) {
        if (!started) {
            return Optional.empty();
        }
        long extendedHighest = cycles + highestSequence;
        long expected = extendedHighest - baseSequence + 1;
        long lost = expected - receivedPackets;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (receivedPackets - receivedPrior);
        expectedPrior = expected;
        receivedPrior = receivedPackets;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long delay = 0;
        if (sawSenderReport) {
            long elapsedNanos = Math.max(0, nowNanos - lastSenderReportNanos);
            delay = Math.min(
                    0xFFFF_FFFFL,
                    elapsedNanos / NANOS_PER_SECOND * 65_536
                            + (elapsedNanos % NANOS_PER_SECOND) * 65_536 / NANOS_PER_SECOND);
        }
        return Optional.of(new ReceiverReport(
                reporterSsrc,
                sourceSsrc,
                Math.min(255, fraction),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, lost)),
                extendedHighest & 0xFFFF_FFFFL,
                0,
                lastSenderReport,
                delay));
    }
}
