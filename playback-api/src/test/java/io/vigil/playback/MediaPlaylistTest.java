package io.vigil.playback;

import io.vigil.archive.index.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MediaPlaylistTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:02:00Z");

    private static Segment segment(long seq, String session, long startOffsetMillis, int durationMillis, String init) {
        return new Segment("lobby", seq, session, T0.plusMillis(startOffsetMillis), durationMillis, 1000,
                "lobby/x/" + seq + ".m4s", "lobby/init/" + init + ".mp4", true, null);
    }

    @Test
    void writesALiveWindowWithDiscontinuitiesAtSessionAndInitChanges() {
        String playlist = MediaPlaylist.live(List.of(
                segment(7, "s1", 0, 2000, "aa"),
                segment(8, "s1", 2000, 2480, "aa"),
                segment(9, "s2", 9000, 2000, "bb")), 3, 2, MediaPlaylist.RELATIVE);
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init/aa.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:02:00Z
                #EXTINF:2.000,
                segments/7.m4s
                #EXTINF:2.480,
                segments/8.m4s
                #EXT-X-DISCONTINUITY
                #EXT-X-MAP:URI="init/bb.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:02:09Z
                #EXTINF:2.000,
                segments/9.m4s
                """, playlist);
    }

    @Test
    void targetDurationCoversEveryRoundedExtinf() {
        assertEquals(4, MediaPlaylist.targetDuration(List.of(segment(1, "s", 0, 3600, "a")), 2));
        assertEquals(2, MediaPlaylist.targetDuration(List.of(segment(1, "s", 0, 2499, "a")), 2));
        assertEquals("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n",
                MediaPlaylist.live(List.of(), 0, 2, MediaPlaylist.RELATIVE));
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
