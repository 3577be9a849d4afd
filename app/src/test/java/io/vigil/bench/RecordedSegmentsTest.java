package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedSegmentsTest {

    private static final String PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:10
            #EXT-X-MAP:URI="init/a.mp4"
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T12:00:00Z
            #EXTINF:2.000,
            segments/10.m4s
            #EXTINF:2.040,
            segments/11.m4s
            #EXT-X-DISCONTINUITY
            #EXT-X-PROGRAM-DATE-TIME:2026-12-06T12:00:08Z
            #EXTINF:2.000,
            segments/14.m4s
            #EXT-X-ENDLIST
            """;

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void startsFollowProgramDateTimeThenDurations() {
        assertEquals(
                List.of(
                        new RecordedSegments.Segment(10, T0, 2000),
                        new RecordedSegments.Segment(11, T0.plusMillis(2000), 2040),
                        new RecordedSegments.Segment(14, T0.plusMillis(8000), 2000)),
                RecordedSegments.parse(PLAYLIST));
    }

    @Test
    void countsMissingBySequenceAndByTime() {
        RecordedSegments listed = new RecordedSegments(RecordedSegments.parse(PLAYLIST), T0, T0.plusSeconds(10));

        assertEquals(3, listed.started());
        assertEquals(2 + (5 - 1 - 3), listed.missingBySequence()); // 12 and 13, and one short of the 4 expected
        assertEquals(10 - 2 - 2.04 - 2, listed.uncoveredSeconds(), 1e-9);
        assertEquals(List.of(T0, T0.plusMillis(2000), T0.plusMillis(8000)), listed.startsWithin());
    }
}
