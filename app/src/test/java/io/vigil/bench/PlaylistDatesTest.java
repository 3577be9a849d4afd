package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistDatesTest {

    @Test
    void segmentsArePlacedByTheirDateOrThePreviousDuration() {
        String playlist = String.join(
                "\n",
                "#EXTM3U",
                "#EXT-X-VERSION:9",
                "#EXT-X-TARGETDURATION:2",
                "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.600",
                "#EXT-X-PART-INF:PART-TARGET=0.200",
                "#EXT-X-MEDIA-SEQUENCE:7",
                "#EXT-X-MAP:URI=\"live/init/1.mp4\"",
                "#EXT-X-PROGRAM-DATE-TIME:2026-12-07T10:00:00.000Z",
                "#EXTINF:2.000,",
                "live/7.m4s",
                "#EXT-X-PART:DURATION=0.200,URI=\"live/8.0.m4s\",INDEPENDENT=YES",
                "#EXT-X-PART:DURATION=0.200,URI=\"live/8.1.m4s\"",
                "#EXTINF:1.960,",
                "live/8.m4s",
                "#EXT-X-PROGRAM-DATE-TIME:2026-12-07T10:00:04.000Z",
                "#EXT-X-PART:DURATION=0.200,URI=\"live/9.0.m4s\",INDEPENDENT=YES",
                "#EXTINF:2.000,",
                "live/9.m4s",
                "#EXT-X-PART:DURATION=0.200,URI=\"live/10.0.m4s\",INDEPENDENT=YES",
                "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"live/10.1.m4s\"",
                "");
        assertEquals(
                List.of(
                        Instant.parse("2026-12-07T10:00:00Z"),
                        Instant.parse("2026-12-07T10:00:02Z"),
                        Instant.parse("2026-12-07T10:00:04Z")),
                PlaylistDates.segmentStarts(playlist));
    }
}
