package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden-file tests of the playlist writer over hand-built segment lists. */
class MediaPlaylistTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:02:00Z");

    private static ListedSegment segment(
            long seq, String session, long startOffsetMillis, int durationMillis, String init) {
        return segment(seq, session, startOffsetMillis, durationMillis, init, true);
    }

    private static ListedSegment segment(
            long seq, String session, long startOffsetMillis, int durationMillis, String init, boolean keyframeStart) {
        return ListedSegment.of(new Segment(
                "lobby",
                seq,
                session,
                T0.plusMillis(startOffsetMillis),
                durationMillis,
                1000,
                "lobby/x/" + seq + ".m4s",
                "lobby/init/" + init + ".mp4",
                keyframeStart,
                null));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = MediaPlaylistTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void liveWindowMarksSessionAndInitChanges() throws IOException {
        assertEquals(
                golden("live-session-change.m3u8"),
                MediaPlaylist.live(
                        List.of(
                                segment(7, "s1", 0, 2000, "aa"),
                                segment(8, "s1", 2000, 2480, "aa"),
                                segment(9, "s2", 9000, 2000, "bb")),
                        3,
                        2,
                        1000,
                        MediaPlaylist.RELATIVE));
    }

    @Test
    void vodMarksGapsLongerThanTheToleranceOnly() throws IOException {
        assertEquals(
                golden("vod-gaps.m3u8"),
                MediaPlaylist.range(
                        List.of(
                                segment(1, "s1", 0, 2000, "aa"),
                                segment(2, "s1", 2900, 2000, "aa"), // 900 ms pause: within tolerance
                                segment(3, "s1", 20_000, 2000, "aa"), // 15.1 s gap: discontinuity
                                segment(4, "s2", 22_000, 2000, "aa"), // new session, same init
                                segment(5, "s2", 24_000, 2000, "cc")), // new init in the same session
                        true,
                        2,
                        1000,
                        MediaPlaylist.RELATIVE));
    }

    @Test
    void longAndUnalignedSegmentsRaiseTheTargetAndDropIndependence() throws IOException {
        assertEquals(
                golden("event-long-gop.m3u8"),
                MediaPlaylist.range(
                        List.of(
                                segment(10, "s1", 0, 4000, "aa"),
                                segment(11, "s1", 4000, 4000, "aa", false),
                                segment(12, "s1", 8000, 3600, "aa")),
                        false,
                        2,
                        1000,
                        MediaPlaylist.RELATIVE));
    }

    @Test
    void targetDurationCoversEveryRoundedExtinf() {
        assertEquals(4, MediaPlaylist.targetDuration(List.of(segment(1, "s", 0, 3600, "a")), 2));
        assertEquals(2, MediaPlaylist.targetDuration(List.of(segment(1, "s", 0, 2499, "a")), 2));
        assertEquals("""
                        #EXTM3U
                        #EXT-X-VERSION:7
                        #EXT-X-TARGETDURATION:2
                        #EXT-X-PLAYLIST-TYPE:VOD
                        #EXT-X-MEDIA-SEQUENCE:0
                        #EXT-X-INDEPENDENT-SEGMENTS
                        #EXT-X-ENDLIST
                        """, MediaPlaylist.range(List.of(), true, 2, 1000, MediaPlaylist.RELATIVE));
    }

    @Test
    void extinfHasThreeDecimalsForEveryMillisecondCount() {
        for (int millis : new int[] {1, 9, 10, 99, 100, 999, 1000, 1001, 2000, 2047, 119_999}) {
            assertEquals(
                    String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0),
                    MediaPlaylist.appendSeconds(new StringBuilder(), millis).toString());
        }
    }

    @Test
    void parsesSingleByteRanges() {
        assertEquals(Optional.of(new ByteRange(0, 100)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 100)), ByteRange.parse("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(500, 500)), ByteRange.parse("bytes=500-", 1000));
        assertEquals(Optional.of(new ByteRange(990, 10)), ByteRange.parse("bytes=990-5000", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,5-6", 1000));
        assertThrows(IllegalArgumentException.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 100).contentRange(1000));
    }
}
