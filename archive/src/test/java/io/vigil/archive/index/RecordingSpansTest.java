package io.vigil.archive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The span table against a real database (H2 in memory, and PostgreSQL) migrated by Flyway: kept equal to a fold of the segment rows. */
@Tag(TestDatabase.TAG)
class RecordingSpansTest {

    static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

    javax.sql.DataSource dataSource;
    Database db;
    RecordingSpans spans;
    SegmentIndex index;

    @BeforeEach
    void database() {
        dataSource = TestDatabase.fresh();
        db = new Database(dataSource);
        spans = new RecordingSpans(db);
        index = new SegmentIndex(db, spans);
    }

    private void migrate(String target) {
        TestDatabase.migrate(dataSource, target);
        index.initSegments()
                .add(new InitSegment("cam/init/x.mp4", "cam", 700, "avc1.64001f", Instant.ofEpochMilli(T0)));
    }

    private static Segment segment(long sequence, String session, long startMillis, int durationMillis) {
        return new Segment(
                "cam",
                sequence,
                session,
                Instant.ofEpochMilli(startMillis),
                durationMillis,
                1000,
                "cam/" + sequence + ".m4s",
                "cam/init/x.mp4",
                true,
                null);
    }

    @Test
    void contiguousSegmentsOfOneSessionFormOneSpanAndGapsOrNewSessionsSplit() {
        migrate("latest");
        index.add(segment(0, "a", T0, 2000));
        index.add(segment(1, "a", T0 + 2001, 2000)); // 1 ms rounding: same span
        index.add(segment(2, "a", T0 + 4001 + 250, 2000)); // 250 ms pause: still the same span
        index.add(segment(3, "a", T0 + 6251 + 251, 2000)); // 251 ms: a gap
        index.add(segment(4, "b", T0 + 8502, 2000)); // new session, no pause: new span
        assertEquals(
                List.of(
                        new RecordingSpan("cam", 0, 2, "a", T0, T0 + 6251),
                        new RecordingSpan("cam", 3, 3, "a", T0 + 6502, T0 + 8502),
                        new RecordingSpan("cam", 4, 4, "b", T0 + 8502, T0 + 10_502)),
                spans.all("cam"));
        assertEquals(
                List.of(new RecordingSpan("cam", 3, 3, "a", T0 + 6502, T0 + 8502)),
                spans.overlapping("cam", Instant.ofEpochMilli(T0 + 6251), Instant.ofEpochMilli(T0 + 6503)));
    }

    @Test
    void removingSplitsAndReAddingJoinsAgain() {
        migrate("latest");
        for (int i = 0; i < 10; i++) {
            index.add(segment(i, "a", T0 + i * 2000L, 2000));
        }
        index.remove("cam", 0);
        index.remove("cam", 5);
        assertEquals(
                List.of(
                        new RecordingSpan("cam", 1, 4, "a", T0 + 2000, T0 + 10_000),
                        new RecordingSpan("cam", 6, 9, "a", T0 + 12_000, T0 + 20_000)),
                spans.all("cam"));
        index.add(segment(5, "a", T0 + 10_000, 2000));
        assertEquals(List.of(new RecordingSpan("cam", 1, 9, "a", T0 + 2000, T0 + 20_000)), spans.all("cam"));
    }

    /** Random appends, removals and out-of-order re-adds: the table always equals a fresh fold of the rows. */
    @Test
    void staysEqualToAFoldOfTheRowsUnderRandomChanges() {
        migrate("latest");
        Random random = new Random(42);
        TreeMap<Long, Segment> rows = new TreeMap<>();
        List<Segment> removed = new ArrayList<>();
        long t = T0;
        long nextSequence = 0;
        String session = "s0";
        for (int step = 0; step < 600; step++) {
            int op = random.nextInt(10);
            if (op < 6 || rows.isEmpty()) {
                if (random.nextInt(15) == 0) {
                    session = "s" + step;
                }
                t += random.nextInt(8) == 0 ? 300 + random.nextInt(3000) : random.nextInt(3);
                Segment s = segment(nextSequence++, session, t, 300 + random.nextInt(2500));
                t = s.end().toEpochMilli();
                index.add(s);
                rows.put(s.sequence(), s);
            } else if (op < 9) {
                Segment victim = new ArrayList<>(rows.values()).get(random.nextInt(rows.size()));
                index.remove("cam", victim.sequence());
                rows.remove(victim.sequence());
                removed.add(victim);
            } else if (!removed.isEmpty()) {
                Segment back = removed.remove(random.nextInt(removed.size()));
                index.add(back);
                rows.put(back.sequence(), back);
            }
            assertEquals(fold(rows.values()), spans.all("cam"), "after step " + step);
        }
    }

    /**
     * Two nodes (two SegmentIndex instances, each with its own in-process locks) change one camera at once: one
     * appends, the other removes the oldest, as an upload and retention on different nodes do. The camera's lock row
     * makes them take turns, so the spans still equal a fold of the rows (a removal working from a span read before
     * a concurrent append would drop the appended segment from every span), and so do the minute totals (no minute
     * inserted twice, no change lost).
     */
    @Test
    void twoNodesChangingOneCameraAtOnceKeepItsSpansAndMinutesRight() throws Exception {
        migrate("latest");
        SegmentIndex other = new SegmentIndex(db, new RecordingSpans(db));
        int count = 300;
        for (int i = 0; i < count; i++) {
            index.add(segment(i, "a", T0 + i * 2000L, 2000));
        }
        Thread appender = new Thread(() -> {
            for (int i = count; i < 2 * count; i++) {
                index.add(segment(i, "a", T0 + i * 2000L, 2000));
            }
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        appender.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        appender.start();
        for (int i = 0; i < count; i += 3) {
            other.removeAll("cam", new long[] {i, i + 1, i + 2});
        }
        appender.join();
        if (failure.get() != null) {
            throw new AssertionError("appending failed", failure.get());
        }
        List<Segment> left = new ArrayList<>();
        for (int i = count; i < 2 * count; i++) {
            left.add(segment(i, "a", T0 + i * 2000L, 2000));
        }
        assertEquals(fold(left), spans.all("cam"));
        assertEquals(
                IndexTestRows.minutesOf(left),
                index.minutes().between("cam", Instant.EPOCH, Instant.ofEpochMilli(T0 + 4000L * count)));
    }

    @Test
    void migrationBackfillsSpansOfSegmentsRecordedBeforeIt() {
        migrate("4");
        List<Segment> recorded = List.of(
                segment(0, "a", T0, 2000),
                segment(1, "a", T0 + 2000, 2000),
                segment(2, "a", T0 + 9000, 2000),
                segment(3, "b", T0 + 11_000, 2000),
                segment(4, "b", T0 + 13_100, 1500));
        recorded.forEach(s -> IndexTestRows.insertBare(db, s));
        migrate("latest");
        assertEquals(fold(recorded), spans.all("cam"));
        assertEquals(3, spans.all("cam").size());
    }

    @Test
    void aSegmentWhoseInitSegmentIsNotIndexedIsRefused() {
        migrate("latest");
        Segment orphan = new Segment(
                "cam", 0, "a", Instant.ofEpochMilli(T0), 2000, 1000, "cam/0.m4s", "cam/init/gone.mp4", true, null);
        assertThrows(RuntimeException.class, () -> index.add(orphan));
        assertEquals(0, index.count("cam"));
        assertEquals(List.of(), spans.all("cam"));
    }

    @Test
    void anInitSegmentIsRemovedOnlyWhenNoSegmentNeedsIt() {
        migrate("latest");
        index.add(segment(0, "a", T0, 2000));
        List<String> objectsDeleted = new ArrayList<>();
        assertEquals(
                false, index.initSegments().deleteIfUnused("cam", "cam/init/x.mp4", () -> objectsDeleted.add("x")));
        index.remove("cam", 0);
        assertThrows(
                RuntimeException.class,
                () -> index.initSegments().deleteIfUnused("cam", "cam/init/x.mp4", () -> {
                    throw new IllegalStateException("store down");
                }));
        assertEquals(
                true,
                index.initSegments().find("cam/init/x.mp4").isPresent(),
                "the row stays when the object could not go");
        assertEquals(true, index.initSegments().deleteIfUnused("cam", "cam/init/x.mp4", () -> objectsDeleted.add("x")));
        assertEquals(List.of("x"), objectsDeleted);
        assertEquals(java.util.Optional.empty(), index.initSegments().find("cam/init/x.mp4"));
    }

    @Test
    void aFailedAddLeavesNeitherRowNorSpan() {
        migrate("latest");
        index.add(segment(0, "a", T0, 2000));
        db.update("DROP INDEX recording_span_camera_last");
        db.update("ALTER TABLE recording_span ADD CONSTRAINT no_second_span CHECK (first_sequence = 0)");
        assertThrows(RuntimeException.class, () -> index.add(segment(1, "b", T0 + 2000, 2000)));
        assertEquals(1, index.count("cam"), "the segment row was rolled back with its span");
        assertEquals(List.of(new RecordingSpan("cam", 0, 0, "a", T0, T0 + 2000)), spans.all("cam"));
    }

    private static List<RecordingSpan> fold(Iterable<Segment> oldestFirst) {
        List<RecordingSpan> out = new ArrayList<>();
        RecordingSpan current = null;
        for (Segment s : oldestFirst) {
            RecordingSpan next = RecordingSpan.of(s);
            if (current != null && current.continuedBy(next)) {
                current = current.join(next);
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = next;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }
}
