package io.vigil.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderReportTest {

    /** SR of SSRC 0x1A2B3C4D at NTP 0xE8F0_0000.8000_0000, RTP time 90000, 25 packets, 30000 bytes, no blocks. */
    private static final String SR =
            "80c80006" + "1a2b3c4d" + "e8f00000" + "80000000" + "00015f90" + "00000019" + "00007530";
    /** SDES with a CNAME "cam" of the same source. */
    private static final String SDES = "81ca0003" + "1a2b3c4d" + "0103" + "63616d" + "000000";

    @Test
    void aCompoundPacketGivesItsSenderReportAndSkipsTheRest() {
        List<SenderReport> reports = SenderReport.parseAll(bytes(SR + SDES));

        assertEquals(List.of(new SenderReport(0x1A2B3C4DL, 0xE8F0_0000_8000_0000L, 90_000, 25, 30_000)), reports);
    }

    @Test
    void ntpTimeIsSecondsSince1900WithTheFraction() {
        SenderReport report = SenderReport.parseAll(bytes(SR)).get(0);

        // 0xE8F00000 s after 1900 = 3,908,042,752 s; minus 2,208,988,800 = 1,699,053,952 s after 1970
        assertEquals(Instant.ofEpochSecond(1_699_053_952L, 500_000_000), report.ntpTime());
        assertEquals(0x0000_8000L, report.middle32());
    }

    @Test
    void ntpSecondsWithTheTopBitClearAreAfter2036() {
        SenderReport report = new SenderReport(1, 0x0000_0001_0000_0000L, 0, 0, 0);

        // era 1 starts 2036-02-07T06:28:16Z
        assertEquals(Instant.parse("2036-02-07T06:28:17Z"), report.ntpTime());
    }

    @Test
    void receiverReportsAndByesAloneGiveNoSenderReport() {
        String rr =
                "81c90007" + "00000001" + "1a2b3c4d" + "00000000" + "00000000" + "00000000" + "00000000" + "00000000";
        String bye = "81cb0001" + "1a2b3c4d";

        assertEquals(List.of(), SenderReport.parseAll(bytes(rr + bye)));
    }

    @Test
    void theBufferPositionIsLeftAsItWas() {
        ByteBuffer buffer = bytes(SR);

        SenderReport.parseAll(buffer);

        assertEquals(0, buffer.position());
    }

    @Test
    void aLengthPastTheBytesIsRefused() {
        MediaException refused =
                assertThrows(MediaException.class, () -> SenderReport.parseAll(bytes("80c80007" + SR.substring(8))));

        assertEquals(MediaError.MALFORMED_RTCP, refused.error());
    }

    @Test
    void aSenderReportTooShortForItsSenderInfoIsRefused() {
        MediaException refused =
                assertThrows(MediaException.class, () -> SenderReport.parseAll(bytes("80c80001" + "1a2b3c4d")));

        assertEquals("MALFORMED_RTCP: a sender report of 8 bytes", refused.getMessage());
    }

    @Test
    void anotherVersionAndATruncatedHeaderAreRefused() {
        assertEquals(
                MediaError.MALFORMED_RTCP,
                assertThrows(MediaException.class, () -> SenderReport.parseAll(bytes("40c80006" + SR.substring(8))))
                        .error());
        assertEquals(
                MediaError.MALFORMED_RTCP,
                assertThrows(MediaException.class, () -> SenderReport.parseAll(bytes(SR + "80c8")))
                        .error());
    }

    static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
