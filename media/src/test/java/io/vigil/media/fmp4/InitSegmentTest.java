package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitSegmentTest {

    private static final String SPS = "6764000dacd94141fb011000000300100000030320f1429960"; // High, 320x240
    private static final String PPS = "68ebe3cb22c0";

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static String initHex() {
        return HexFormat.of().formatHex(InitSegment.h264(List.of(nal(SPS), nal(PPS))));
    }

    @Test
    void startsWithFtypIso5ThenMoov() {
        String ftypThenMoov = "0000001c 66747970 69736f35 00000200 69736f35 69736f36 6d703431 00000276 6d6f6f76";
        assertTrue(initHex().startsWith(ftypThenMoov.replace(" ", "")), initHex());
    }

    @Test
    void avcCCarriesTheParameterSetsAndTheHighProfileExtension() {
        String avcC = "00000036 61766343 01 64 00 0d ff e1 0019" + SPS + "01 0006" + PPS + "fd f8 f8 00";
        assertTrue(initHex().contains(avcC.replace(" ", "")), initHex());
    }

    @Test
    void tkhdAndAvc1CarryTheSizeFromTheSps() {
        assertTrue(
                initHex().contains("40000000" + "01400000" + "00f00000"),
                "tkhd width and height, 16.16"); // after matrix
        assertTrue(initHex().contains("0140 00f0 00480000 00480000".replace(" ", "")), "avc1 width, height, dpi");
        assertTrue(initHex().contains("6d646864 00000000 00000000 00000000 00015f90".replace(" ", "")), "mdhd 90 kHz");
        assertTrue(initHex().contains("74726578 00000000 00000001 00000001".replace(" ", "")), "trex track 1");
    }

    @Test
    void refusesParameterSetsWithoutAnSpsOrAPps() {
        for (List<ByteBuffer> sets : List.of(
                List.of(nal(PPS)),
                List.of(nal(SPS)),
                List.<ByteBuffer>of(),
                List.of(nal(SPS), ByteBuffer.allocate(0x10000).put(0, (byte) 0x68)))) {
            MediaException e = assertThrows(MediaException.class, () -> InitSegment.h264(sets));
            assertEquals(MediaError.MALFORMED_PARAMETER_SET, e.error());
        }
    }
}
