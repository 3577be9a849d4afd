package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.playback.MasterPlaylist.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Golden files of the multivariant playlist, the bit rates measured from segments, and what a variant refuses. */
class MasterPlaylistTest {

    private static String golden(String name) throws IOException {
        try (InputStream in = MasterPlaylistTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mainComesFirstWithTheHigherBandwidthWhateverTheOrderGiven() throws IOException {
        Variant sub =
                new Variant("sub", "live.m3u8?stream=sub", 520_000, 498_000, "avc1.64001e,mp4a.40.2", 640, 360, 29.97);
        Variant main =
                new Variant("main", "live.m3u8", 4_400_000, 4_012_000, "avc1.640028,mp4a.40.2", 1920, 1080, 25.0);

        assertEquals(golden("master-main-sub.m3u8"), MasterPlaylist.of(List.of(sub, main), true, true));
    }

    @Test
    void oneVariantWithoutResolutionOrFrameRateAndSegmentsNotAllIndependent() throws IOException {
        Variant only = new Variant(
                "sub",
                "playlist.m3u8?start=2026-11-22T10:02:00Z&end=2026-11-22T10:17:00Z&stream=sub",
                2_000_000,
                1_800_000,
                "hvc1.1.6.L93.B0",
                null,
                null,
                null);

        assertEquals(golden("master-one-variant.m3u8"), MasterPlaylist.of(List.of(only), false, false));
    }

    @Test
    void equalBandwidthsPutMainFirst() {
        Variant sub = new Variant("sub", "s.m3u8", 1000, 1000, "avc1.64001e", null, null, null);
        Variant main = new Variant("main", "m.m3u8", 1000, 1000, "avc1.64001e", null, null, null);

        String text = MasterPlaylist.of(List.of(sub, main), false, true);

        assertTrue(text.indexOf("m.m3u8") < text.indexOf("s.m3u8"), text);
    }

    @Test
    void bandwidthIsThePeakSegmentAndTheAverageOverAllRoundedUp() {
        // 1,000,000 B in 2000 ms: 4,000,000 bit/s; with 250,001 B in 1000 ms (2,000,008): 10,000,008 bits in 3 s
        assertEquals(
                new Bandwidth(4_000_000, 4_000_000), Bandwidth.measure(List.of(new SizedSegment(2000, 1_000_000))));
        assertEquals(
                new Bandwidth(4_000_000, 3_333_336),
                Bandwidth.measure(List.of(new SizedSegment(2000, 1_000_000), new SizedSegment(1000, 250_001))));
        // one short segment sets the peak: 100 B in 3 ms = 266,666.67 -> 266,667
        assertEquals(
                new Bandwidth(266_667, 8_388),
                Bandwidth.measure(List.of(new SizedSegment(2000, 2000), new SizedSegment(3, 100))));
        assertEquals(new Bandwidth(1, 1), Bandwidth.measure(List.of(new SizedSegment(120_000, 1))));
    }

    @Test
    void nothingToMeasureAndImpossibleFiguresAreRefused() {
        refused(() -> Bandwidth.measure(List.of()));
        refused(() -> new SizedSegment(0, 100));
        refused(() -> new SizedSegment(2000, 0));
        refused(() -> new Bandwidth(999, 1000));
        refused(() -> new Bandwidth(1000, 0));
    }

    @Test
    void aVariantRefusesWhatWouldBreakThePlaylist() {
        List<Executable> wrong = List.of(
                () -> new Variant("Main", "m.m3u8", 2, 1, "avc1.64001f", null, null, null),
                () -> new Variant("main", "", 2, 1, "avc1.64001f", null, null, null),
                () -> new Variant("main", "https://elsewhere/m.m3u8", 2, 1, "avc1.64001f", null, null, null),
                () -> new Variant("main", "m.m3u8\n#EXT-X-ENDLIST", 2, 1, "avc1.64001f", null, null, null),
                () -> new Variant("main", "m.m3u8", 1, 2, "avc1.64001f", null, null, null),
                () -> new Variant("main", "m.m3u8", 0, 0, "avc1.64001f", null, null, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "", null, null, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1\",X=\"1", null, null, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1.64001f", 1920, null, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1.64001f", null, 1080, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1.64001f", 0, 1080, null),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1.64001f", null, null, 0.0),
                () -> new Variant("main", "m.m3u8", 2, 1, "avc1.64001f", null, null, Double.NaN));
        for (Executable v : wrong) {
            refused(v);
        }
        refused(() -> MasterPlaylist.of(List.of(), false, true));
    }

    private static void refused(Executable e) {
        assertThrows(IllegalArgumentException.class, e);
    }
}
