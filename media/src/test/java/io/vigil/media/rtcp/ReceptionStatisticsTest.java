package io.vigil.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    private static final long SOURCE = 0x1A2B3C4DL;
    private static final long REPORTER = 7;

    private final ReceptionStatistics statistics = new ReceptionStatistics();

    @Test
    void noReportBeforeTheFirstPacket() {
        assertEquals(Optional.empty(), statistics.report(REPORTER, 0));
    }

    @Test
    void packetsInOrderLoseNothing() {
        for (int seq = 100; seq < 110; seq++) {
            statistics.packet(seq, SOURCE);
        }

        assertEquals(
                new ReceiverReport(REPORTER, SOURCE, 0, 0, 109, 0, 0, 0),
                statistics.report(REPORTER, 0).get());
    }

    @Test
    void aGapCountsInTheFractionSinceTheLastReportAndInTheTotal() {
        for (int seq : new int[] {0, 1, 2, 3}) {
            statistics.packet(seq, SOURCE);
        }
        statistics.report(REPORTER, 0);
        for (int seq : new int[] {4, 7}) { // 5 and 6 lost: 2 of 4 expected since the last report
            statistics.packet(seq, SOURCE);
        }

        ReceiverReport report = statistics.report(REPORTER, 0).get();

        assertEquals(128, report.fractionLost());
        assertEquals(2, report.cumulativeLost());
        assertEquals(7, report.extendedHighestSequence());
    }

    @Test
    void theSequenceNumberWrapsIntoTheCycleCount() {
        for (int seq : new int[] {65_534, 65_535, 0, 1}) {
            statistics.packet(seq, SOURCE);
        }

        ReceiverReport report = statistics.report(REPORTER, 0).get();

        assertEquals(0x1_0001L, report.extendedHighestSequence());
        assertEquals(0, report.cumulativeLost());
    }

    @Test
    void aLatePacketNeitherMovesTheHighestNorCountsAsAWrap() {
        for (int seq : new int[] {10, 12, 11}) {
            statistics.packet(seq, SOURCE);
        }

        ReceiverReport report = statistics.report(REPORTER, 0).get();

        assertEquals(12, report.extendedHighestSequence());
        assertEquals(0, report.cumulativeLost());
    }

    @Test
    void lsrAndDlsrComeFromTheLastSenderReport() {
        statistics.packet(1, SOURCE);
        statistics.senderReport(new SenderReport(SOURCE, 0xE8F0_1234_5678_0000L, 0, 0, 0), 1_000_000_000L);

        ReceiverReport report = statistics.report(REPORTER, 1_250_000_000L).get(); // 0.25 s later

        assertEquals(0x1234_5678L, report.lastSenderReport());
        assertEquals(16_384, report.delaySinceLastSenderReport());
    }
}
