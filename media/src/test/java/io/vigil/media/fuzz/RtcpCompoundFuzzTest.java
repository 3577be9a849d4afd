package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.rtcp.ReceptionStatistics;
import io.vigil.media.rtcp.SenderReport;
import java.nio.ByteBuffer;

/** Compound RTCP packets on any bytes: sender reports or a refusal, and every report usable for a receiver report. */
class RtcpCompoundFuzzTest {

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyCompoundPacketIsReadOrRefusedByTheLibrary(byte[] input) {
        ReceptionStatistics statistics = new ReceptionStatistics();
        statistics.packet(1, 1);
        try {
            for (SenderReport report : SenderReport.parseAll(ByteBuffer.wrap(input))) {
                report.ntpTime();
                statistics.senderReport(report, 0);
                statistics.report(2, 1_000_000_000L).orElseThrow().bytes();
            }
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
    }
}
