package io.vigil.media.fmp4;

import static io.vigil.media.fmp4.InitSegmentTest.nal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H265SpsTest {

    /**
     * SPSs of libx265 (testsrc, one frame; size, profile, level and pixel format as ffprobe reads them): 4:2:0 Main
     * with and without a conformance window (1080 lines coded as 1088, 100 as 104), 4:2:2 10-bit and monochrome RExt.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210"
                        + " | 0 0 1 60000000 900000000000 60 1 true 1 8 8 320x240",
                "420101016000000300900000030000030078a003c08010e596566924caf0168080000003008000000c84"
                        + " | 0 0 1 60000000 900000000000 120 1 true 1 8 8 1920x1080",
                "42010101600000030090000003000003001ea0192069f796566924caf0168080000003008000000c84"
                        + " | 0 0 1 60000000 900000000000 30 1 true 1 8 8 200x100",
                "4201010408000003009d0800000300003cb00a080f1365959a4932bc05a02000000300200000030321"
                        + " | 0 0 4 08000000 9d0800000000 60 1 true 2 10 10 320x240",
                "4201010408000003009fc800000300003cc028203c596566924caf016c08000003000800000300c840"
                        + " | 0 0 4 08000000 9fc800000000 60 1 true 0 8 8 320x240"
            })
    void readsProfileTierLevelChromaBitDepthsAndConformanceWindow(String hex, String expected) {
        H265Sps sps = H265Sps.parse(nal(hex));
        H265Sps.ProfileTierLevel general = sps.general();
        assertEquals(
                expected,
                String.join(
                        " ",
                        "" + general.profileSpace(),
                        "" + general.tierFlag(),
                        "" + general.profileIdc(),
                        String.format("%08x", general.compatibilityFlags()),
                        String.format("%012x", general.constraintIndicatorFlags()),
                        "" + general.levelIdc(),
                        "" + sps.maxSubLayers(),
                        "" + sps.temporalIdNesting(),
                        "" + sps.chromaFormatIdc(),
                        "" + sps.bitDepthLuma(),
                        "" + sps.bitDepthChroma(),
                        sps.widthPixels() + "x" + sps.heightPixels()));
    }

    /** Cut short, another NAL unit (a PPS, an H.264 SPS), 8 sub-layers, an endless Exp-Golomb code, a zero size. */
    @ParameterizedTest
    @CsvSource({
        "42010101600000030090000003000003003ca00a08",
        "4401c172860c4624",
        "6764000dacd94141fb011000000300100000030320f1429960",
        "42010f01600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210",
        "42010101600000030090000003000003003ca0000000000000000000",
        "42010101600000030090000003000003003ca0a1",
        "4201"
    })
    void refusesWhatIsNotAWholeSps(String hex) {
        MediaException e = assertThrows(MediaException.class, () -> H265Sps.parse(nal(hex)));
        assertEquals(MediaError.MALFORMED_PARAMETER_SET, e.error());
    }
}
