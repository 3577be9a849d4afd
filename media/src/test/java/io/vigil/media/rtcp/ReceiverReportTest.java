package io.vigil.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReceiverReportTest {

    @Test
    void theCompoundPacketIsAReceiverReportWithOneBlockAndTheSdesCname() {
        ReceiverReport report =
                new ReceiverReport(0xCAFEBABEL, 0x1A2B3C4DL, 64, 3, 0x0001_0010L, 0, 0x0000_8000L, 0x0002_8000L);

        assertEquals(
                "81c90007" // V=2, RC=1, RR, 8 words
                        + "cafebabe" // reporter
                        + "1a2b3c4d" // source
                        + "40000003" // fraction lost 64/256, cumulative 3
                        + "00010010" // extended highest sequence number: one cycle, 16
                        + "00000000" // jitter
                        + "00008000" // LSR
                        + "00028000" // DLSR: 2.5 s in 1/65536 s
                        + "81ca0003" // V=2, SC=1, SDES, 4 words
                        + "cafebabe"
                        + "0105" + "766967696c" // CNAME "vigil"
                        + "00", // end of items, padding to 32 bits
                HexFormat.of().formatHex(report.bytes()));
        assertEquals(ReceiverReport.BYTES, report.bytes().length);
    }

    @Test
    void aNegativeCumulativeLossIsWrittenIn24BitsTwosComplement() {
        ReceiverReport report = new ReceiverReport(1, 2, 0, -2, 10, 0, 0, 0);

        assertEquals("00fffffe", HexFormat.of().formatHex(report.bytes(), 12, 16));
    }

    @Test
    void aCumulativeLossBeyond24BitsIsClamped() {
        assertEquals(0x7F_FFFF, new ReceiverReport(1, 2, 0, 10_000_000, 10, 0, 0, 0).cumulativeLost());
        assertEquals(-0x80_0000, new ReceiverReport(1, 2, 0, -10_000_000, 10, 0, 0, 0).cumulativeLost());
    }

    @Test
    void fieldsOutOfTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(1, 2, 256, 0, 10, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(1L << 32, 2, 0, 0, 10, 0, 0, 0));
    }
}
