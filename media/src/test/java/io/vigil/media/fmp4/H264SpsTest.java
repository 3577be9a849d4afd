package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H264SpsTest {

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    /** SPSs of libx264 (testsrc, one frame), with emulation prevention bytes, cropping and every chroma format. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "6764000dacd94141fb011000000300100000030320f1429960     | 100 0 13 1 8 8 320x240",
                "6742c028d900780227e5c044000003000400000300c83c60c920   | 66 192 40 1 8 8 1920x1080",
                "674d401eeca05017fcb808800000030080000019078b16cb       | 77 64 30 1 8 8 640x360",
                "67f4000b919b28589d80880000030008000003019078a14cb0     | 244 0 11 3 8 8 176x144",
                "677a000abcd947279e3f011000000300100000030320f1225960   | 122 0 10 2 8 8 100x50"
            })
    void readsProfileLevelAndCroppedSize(String hex, String expected) {
        H264Sps sps = H264Sps.parse(nal(hex));
        assertEquals(
                expected,
                sps.profileIdc() + " " + sps.constraintFlags() + " " + sps.levelIdc() + " " + sps.chromaFormatIdc()
                        + " " + sps.bitDepthLuma() + " " + sps.bitDepthChroma() + " " + sps.widthPixels() + "x"
                        + sps.heightPixels());
    }

    @ParameterizedTest
    @CsvSource({"6764000dacd9", "68ebe3cb22c0", "67", "67640000000000000000"})
    void refusesATruncatedSpsOrAnotherNalUnit(String hex) {
        MediaException e = assertThrows(MediaException.class, () -> H264Sps.parse(nal(hex)));
        assertEquals(MediaError.MALFORMED_PARAMETER_SET, e.error());
    }
}
