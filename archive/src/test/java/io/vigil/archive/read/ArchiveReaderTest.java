package io.vigil.archive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.MinuteTotal;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.index.SegmentSize;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read face over a real database and spool: what each viewing path gets, stored and spooled merged. */
@Tag(TestDatabase.TAG)
class ArchiveReaderTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final String INIT = "cam/init/x.mp4";

    @TempDir
    Path dir;

    SegmentIndex index;
    SegmentSpool spool;
    ArchiveReader reader;

    @BeforeEach
    void archive() {
        Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        RecordingSpans spans = new RecordingSpans(db);
        index = new SegmentIndex(db, spans);
        spool = new SegmentSpool(new SpoolConfig(
                dir.resolve("spool"),
                1L << 26,
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofHours(2),
                1L << 26));
        reader = new ArchiveReader(index, spans, spool);
        index.initSegments().add(new InitSegment(INIT, "cam", 700, "avc1.64001f", T0));
    }

    /** Segment {@code sequence} of session {@code session}, 2 s long, starting {@code 2 * startIndex} s after T0. */
    private static Segment segment(long sequence, String session, int startIndex, boolean keyframeStart) {
        return new Segment(
                "cam",
                sequence,
                session,
                T0.plusSeconds(2L * startIndex),
                2000,
                1000,
                "cam/" + sequence + ".m4s",
                INIT,
                keyframeStart,
                "0".repeat(64));
    }

    private void stored(Segment... segments) {
        for (Segment s : segments) {
            if (index.find("cam", s.sequence() - 1)
                    .filter(p -> p.sessionId().equals(s.sessionId()))
                    .isEmpty()) {
                index.sessions().open(new RecordingSession(s.sessionId(), "cam", s.start(), "avc1.64001f", null));
            }
            index.add(s);
        }
    }

    private void spooled(Segment... segments) {
        for (Segment s : segments) {
            spool.add(s, "avc1.64001f", new byte[(int) s.sizeBytes()], new byte[700]);
        }
    }

    private static List<Long> sequences(List<ListedSegment> listed) {
        return listed.stream().map(ListedSegment::sequence).toList();
    }

    @Test
    void activityReadsTheSizesOfStoredSegmentsOverlappingARangeAndTheMinuteTotalsBeginningInIt() {
        stored(segment(0, "a", 0, true), segment(1, "a", 1, true), segment(2, "a", 2, true), segment(3, "a", 40, true));
        spooled(segment(4, "a", 41, true)); // not stored yet: activity counts it once it is
        TimeRange range = new TimeRange(T0.plusMillis(3999), T0.plusSeconds(90));
        assertEquals(
                List.of(
                        new SegmentSize(T0.plusSeconds(2).toEpochMilli(), 2000, 1000),
                        new SegmentSize(T0.plusSeconds(4).toEpochMilli(), 2000, 1000),
                        new SegmentSize(T0.plusSeconds(80).toEpochMilli(), 2000, 1000)),
                reader.sized("cam", range));
        assertEquals(
                List.of(
                        new MinuteTotal(T0.toEpochMilli(), 3000, 6000, 3),
                        new MinuteTotal(T0.plusSeconds(60).toEpochMilli(), 1000, 2000, 1)),
                reader.minutes("cam", range),
                "the minute holding the start, and the one beginning in the range");
    }

    @Test
    void theLiveWindowHoldsTheNewestSegmentsStoredOrSpooledAndSaysWhichWait() {
        stored(segment(0, "a", 0, true), segment(1, "a", 1, true), segment(2, "a", 2, true));
        spooled(segment(3, "a", 3, true), segment(4, "a", 4, true));
        LiveWindow window = reader.live("cam", 3);
        assertEquals(List.of(2L, 3L, 4L), sequences(window.listing().segments()));
        assertEquals(Set.of(3L, 4L), window.listing().spooledSequences());
        assertEquals(Set.of(INIT), window.listing().spooledInitKeys());
        assertEquals(0, window.discontinuitySequence());
    }

    @Test
    void theLiveWindowStartsAfterTheLastJumpAndKeepsItsDiscontinuitySequenceWhenItsSegmentsAreStored() {
        stored(segment(0, "a", 0, true), segment(1, "b", 1, true), segment(2, "b", 2, true));
        index.sessions().open(new RecordingSession("c", "cam", T0.plusSeconds(6), "avc1.64001f", null));
        spooled(segment(1002, "c", 3, true), segment(1003, "c", 4, true)); // numbered above a crashed node's
        LiveWindow waiting = reader.live("cam", 5);
        assertEquals(List.of(1002L, 1003L), sequences(waiting.listing().segments()));
        assertEquals(2, waiting.discontinuitySequence(), "sessions a and b come before c");
        index.add(segment(1002, "c", 3, true));
        spool.remove(spool.find("cam", 1002).orElseThrow());
        LiveWindow stored = reader.live("cam", 5);
        assertEquals(List.of(1002L, 1003L), sequences(stored.listing().segments()));
        assertEquals(
                2, stored.discontinuitySequence(), "a player's discontinuity sequence may not change between reloads");
    }

    @Test
    void aRangeFollowingLiveAddsTheSpooledSegmentsAfterTheIndexedOnesAndACompleteRangeDoesNot() {
        stored(segment(0, "a", 0, true), segment(1, "a", 1, true));
        spooled(segment(2, "a", 2, true), segment(3, "a", 3, true));
        TimeRange range = new TimeRange(T0.plusSeconds(1), T0.plusSeconds(60));
        assertEquals(
                List.of(0L, 1L, 2L, 3L),
                sequences(reader.range("cam", range, true).segments()));
        assertEquals(
                List.of(0L, 1L), sequences(reader.range("cam", range, false).segments()));
        TimeRange later = new TimeRange(T0.plusSeconds(6), T0.plusSeconds(60));
        assertEquals(
                List.of(3L),
                sequences(reader.range("cam", later, true).segments()),
                "a spooled segment ending before the range starts is not listed");
    }

    @Test
    void objectKeysAreThoseOfStoredSegmentsOnly() {
        stored(segment(0, "a", 0, true), segment(1, "a", 1, true));
        spooled(segment(2, "a", 2, true));
        Listing listing = reader.range("cam", new TimeRange(T0, T0.plusSeconds(60)), true);
        assertEquals(Map.of(0L, "cam/0.m4s", 1L, "cam/1.m4s"), reader.objectKeys(listing));
    }

    @Test
    void aSnapshotOrClipReachesBackToTheKeyframeAcrossStoreAndSpoolWithinOneSession() {
        stored(segment(0, "a", 0, true), segment(1, "b", 1, true), segment(2, "b", 2, false));
        spooled(segment(3, "b", 3, false));
        assertEquals(
                List.of(1L, 2L, 3L),
                reader.upTo("cam", null).stream().map(Segment::sequence).toList());
        assertEquals(
                List.of(1L, 2L),
                reader.upTo("cam", T0.plusSeconds(5)).stream()
                        .map(Segment::sequence)
                        .toList());
        assertEquals(
                List.of(1L, 2L),
                reader.clip("cam", new TimeRange(T0.plusSeconds(5), T0.plusSeconds(6))).stream()
                        .map(Segment::sequence)
                        .toList());
        assertEquals(List.of(), reader.upTo("cam", T0.plusSeconds(600)));
    }

    @Test
    void aSegmentIsFoundInTheSpoolUntilItIsStored() {
        Segment waiting = segment(0, "a", 0, true);
        spooled(waiting);
        SegmentLocation inSpool = reader.segment("cam", 0).orElseThrow();
        assertEquals(Optional.of(spool.find("cam", 0).orElseThrow().mediaFile()), inSpool.spoolFile());
        assertEquals(Optional.of(waiting), reader.newest("cam"));
        stored(waiting);
        spool.remove(spool.find("cam", 0).orElseThrow());
        assertEquals(
                new SegmentLocation("cam/0.m4s", 1000, Optional.empty()),
                reader.segment("cam", 0).orElseThrow());
        assertEquals(Optional.empty(), reader.segment("cam", 1));
    }

    @Test
    void anInitSegmentsCodecsComeFromItsRowOrWhileItWaitsFromTheSpool() {
        Segment waiting =
                new Segment("cam", 0, "a", T0, 2000, 1000, "cam/0.m4s", "cam/init/y.mp4", true, "0".repeat(64));
        spool.add(waiting, "avc1.640028,mp4a.40.2", new byte[1000], new byte[700]);

        assertEquals(Optional.of("avc1.64001f"), reader.initCodecs("cam", INIT));
        assertEquals(Optional.of("avc1.640028,mp4a.40.2"), reader.initCodecs("cam", "cam/init/y.mp4"));
        assertEquals(Optional.empty(), reader.initCodecs("cam", "cam/init/z.mp4"));
    }
}
