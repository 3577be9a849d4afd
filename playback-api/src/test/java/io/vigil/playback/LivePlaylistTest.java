package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.live.EdgeSnapshot;
import io.vigil.live.LivePart;
import io.vigil.live.LiveSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivePlaylistTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static List<LivePart> parts(int count, long lastMicros) {
        List<LivePart> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new LivePart(new byte[4], 0, 4, i == count - 1 ? lastMicros : 200_000, i == 0, 0));
        }
        return parts;
    }

    private static LiveSegment segment(long sequence, long startMillis, int init, boolean discontinuity, int parts) {
        List<LivePart> p = parts(parts, 120_000);
        long micros = p.stream().mapToLong(LivePart::durationMicros).sum();
        return new LiveSegment(sequence, T0.plusMillis(startMillis), init, discontinuity, p, micros, true);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LivePlaylistTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Four complete segments (the second after a new session) and one being written: parts listed for the newest two
     * complete ones and the open one, the next part hinted.
     */
    @Test
    void anEdgeWithANewSessionAndASegmentBeingWritten() throws IOException {
        LiveSegment open = new LiveSegment(1005, T0.plusMillis(8_000), 2, false, parts(2, 200_000), 400_000, false);
        EdgeSnapshot edge = new EdgeSnapshot(
                "yard",
                200_000,
                3,
                1006,
                List.of(
                        segment(1001, 0, 1, true, 10),
                        segment(1002, 3_000, 2, true, 10),
                        segment(1003, 4_920, 2, false, 10),
                        segment(1004, 6_840, 2, false, 6),
                        open),
                Map.of());
        assertEquals(golden("live-ll-edge.m3u8"), LivePlaylist.of(edge, 2));
    }

    @Test
    void aCompleteNewestSegmentHintsTheFirstPartOfTheNext() {
        EdgeSnapshot edge = new EdgeSnapshot("yard", 200_000, 0, 8, List.of(segment(7, 0, 1, true, 3)), Map.of());
        String playlist = LivePlaylist.of(edge, 2);
        assertTrue(playlist.endsWith("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"live/8.0.m4s\"\n"), playlist);
    }

    @Test
    void anEmptyEdgeListsNothingAndHintsNothing() {
        String playlist = LivePlaylist.of(new EdgeSnapshot("yard", 200_000, 0, 8, List.of(), Map.of()), 2);
        assertTrue(playlist.contains("#EXT-X-MEDIA-SEQUENCE:8\n"), playlist);
        assertFalse(playlist.contains("PRELOAD-HINT"), playlist);
        assertFalse(playlist.contains("#EXTINF"), playlist);
    }

    @Test
    void theTargetDurationCoversTheLongestSegment() {
        EdgeSnapshot edge = new EdgeSnapshot("yard", 200_000, 0, 8, List.of(segment(7, 0, 1, true, 25)), Map.of());
        assertTrue(LivePlaylist.of(edge, 2).contains("#EXT-X-TARGETDURATION:5\n"));
    }
}
