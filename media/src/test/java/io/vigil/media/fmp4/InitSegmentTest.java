package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InitSegmentTest {

    static final String SPS = "6764000dacd94141fb011000000300100000030320f1429960"; // High, 320x240
    static final String PPS = "68ebe3cb22c0";
    /** libx265's, 320x240 4:2:0 Main. */
    static final String H265_VPS = "40010c01ffff01600000030090000003000003003c959809";

    static final String H265_SPS =
            "42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210";
    static final String H265_PPS = "4401c172b46240";
    /** AAC-LC, 48 kHz, stereo. */
    static final String AAC_LC_48K_STEREO = "1190";

    static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String h264Init() {
        return hex(InitSegment.of(VideoTrack.h264(List.of(nal(SPS), nal(PPS))), Optional.empty()));
    }

    private static String withAudio() {
        return hex(InitSegment.of(
                VideoTrack.h264(List.of(nal(SPS), nal(PPS))),
                Optional.of(AudioTrack.aac(HexFormat.of().parseHex(AAC_LC_48K_STEREO)))));
    }

    private static void assertHas(String init, String what, String hex) {
        assertTrue(init.contains(hex.replace(" ", "")), what + " in " + init);
    }

    @Test
    void startsWithFtypIso5ThenMoov() {
        String ftypThenMoov = "0000001c 66747970 69736f35 00000200 69736f35 69736f36 6d703431 00000276 6d6f6f76";
        assertTrue(h264Init().startsWith(ftypThenMoov.replace(" ", "")), h264Init());
    }

    @Test
    void avcCCarriesTheParameterSetsAndTheHighProfileExtension() {
        assertHas(
                h264Init(), "avcC", "00000036 61766343 01 64 00 0d ff e1 0019" + SPS + "01 0006" + PPS + "fd f8 f8 00");
    }

    @Test
    void tkhdAndAvc1CarryTheSizeFromTheSps() {
        assertHas(h264Init(), "tkhd width and height, 16.16, after the matrix", "40000000 01400000 00f00000");
        assertHas(h264Init(), "avc1 width, height, dpi", "0140 00f0 00480000 00480000");
        assertHas(h264Init(), "mdhd 90 kHz", "6d646864 00000000 00000000 00000000 00015f90");
        assertHas(h264Init(), "trex track 1", "74726578 00000000 00000001 00000001");
    }

    @Test
    void hvcCCarriesProfileTierLevelAndTheVpsSpsAndPpsArrays() {
        VideoTrack track = VideoTrack.h265(List.of(nal(H265_VPS), nal(H265_SPS), nal(H265_PPS)));
        String init = hex(InitSegment.of(track, Optional.empty()));
        assertHas(init, "hvc1 320x240", "68766331 000000000000 0001" + "00".repeat(16) + "0140 00f0");
        assertHas(
                init,
                "hvcC",
                String.join(
                        " ",
                        "00000077 68766343 01",
                        "01 60000000 900000000000 3c", // Main, compatible with Main, progressive frames, level 2
                        "f000 fc fd f8 f8 0000", // no segmentation/parallelism, 4:2:0, 8 bits, frame rate unknown
                        "0f 03", // 1 temporal layer, nested, 4-byte lengths; 3 arrays
                        "a0 0001 0018 " + H265_VPS,
                        "a1 0001 002a " + H265_SPS,
                        "a2 0001 0007 " + H265_PPS));
    }

    @Test
    void anAudioTrackIsTrack2WithMp4aEsdsAndItsSampleRateAsTimescale() {
        String init = withAudio();
        assertHas(
                init,
                "mp4a with esds",
                String.join(
                        " ",
                        "0000004b 6d703461 000000000000 0001 0000000000000000",
                        "0002 0010 0000 0000 bb800000", // 2 channels, 16 bits, 48000 Hz in 16.16
                        "00000027 65736473 00000000",
                        "03 19 0000 00", // ES descriptor, ES_ID 0
                        "04 11 40 15 000000 00000000 00000000", // MPEG-4 audio, audio stream
                        "05 02 " + AAC_LC_48K_STEREO, // the AudioSpecificConfig as it is
                        "06 01 02"));
        assertHas(
                init,
                "tkhd track 2, volume 1.0",
                "746b6864 00000003 00000000 00000000 00000002 00000000 00000000 0000000000000000 0000 0000 0100 0000");
        assertHas(init, "mdhd 48 kHz", "6d646864 00000000 00000000 00000000 0000bb80");
        assertHas(init, "sound handler", "68646c72 00000000 00000000 736f756e");
        assertHas(init, "smhd", "00000010 736d6864 00000000 0000 0000");
        assertHas(
                init,
                "trex of both tracks",
                "74726578 00000000 00000001 00000001 00000000 00000000 00000000"
                        + "00000020 74726578 00000000 00000002 00000001");
        assertHas(init, "mvhd next track 3, then the video trak", "00000000 00000003 000001da 7472616b");
    }

    @Test
    void withoutAudioTheVideoOnlyMoovIsAsBefore() {
        assertEquals(0x1c + 0x276, HexFormat.of().parseHex(h264Init()).length);
    }
}
