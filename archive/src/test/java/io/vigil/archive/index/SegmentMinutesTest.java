package io.vigil.archive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The minute totals ({@code segment_minute}, V27) against a real database (H2 in memory, and PostgreSQL) migrated by
 * Flyway: after every add, remove and removeAll, and after the migration's back-fill, they equal the totals folded
 * afresh from the segment rows.
 */
@Tag(TestDatabase.TAG)
class SegmentMinutesTest {

    static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    static final long MINUTE = MinuteTotal.MINUTE_MILLIS;

    javax.sql.DataSource dataSource;
    Database db;
    SegmentIndex index;

    @BeforeEach
    void database() {
        dataSource = TestDatabase.fresh();
        db = new Database(dataSource);
        index = new SegmentIndex(db, new RecordingSpans(db));
    }

    private void migrate(String target) {
        TestDatabase.migrate(dataSource, target);
    }

    private void initSegments(String... streamKeys) {
        for (String key : streamKeys) {
            index.initSegments()
                    .add(new InitSegment(key + "/init/x.mp4", key, 700, "avc1.64001f", Instant.ofEpochMilli(T0)));
        }
    }

    private static Segment segment(String key, long sequence, long startMillis, int durationMillis, long sizeBytes) {
        return new Segment(
                key,
                sequence,
                "s",
                Instant.ofEpochMilli(startMillis),
                durationMillis,
                sizeBytes,
                key + "/" + sequence + ".m4s",
                key + "/init/x.mp4",
                true,
                null);
    }

    private List<MinuteTotal> stored(String key) {
        return index.minutes().between(key, Instant.EPOCH, Instant.ofEpochMilli(T0 + 1000 * MINUTE));
    }

    @Test
    void everyStreamsStoredFootageIsOneAggregateThatFollowsAddsAndRemovals() {
        migrate("latest");
        initSegments("cam", "cam.sub", "gate");
        index.add(segment("cam", 0, T0 + 5_000, 2000, 1000));
        index.add(segment("cam", 1, T0 + 7_000, 2000, 3000));
        index.add(segment("cam", 2, T0 + 3 * MINUTE, 1500, 500));
        index.add(segment("cam.sub", 0, T0 + MINUTE, 2000, 40));
        index.add(segment("gate", 0, T0 + 2 * MINUTE + 10, 2000, 7));
        assertEquals(
                Map.of(
                        "cam", new io.vigil.archive.read.StoredFootage("cam", 4500, 5500, Instant.ofEpochMilli(T0)),
                        "cam.sub",
                                new io.vigil.archive.read.StoredFootage(
                                        "cam.sub", 40, 2000, Instant.ofEpochMilli(T0 + MINUTE)),
                        "gate",
                                new io.vigil.archive.read.StoredFootage(
                                        "gate", 7, 2000, Instant.ofEpochMilli(T0 + 2 * MINUTE))),
                index.minutes().storedFootage());
        index.removeAll("cam", new long[] {0, 1}); // retention takes the oldest: the oldest minute moves on
        index.removeAll("gate", new long[] {0});
        assertEquals(
                Map.of(
                        "cam",
                                new io.vigil.archive.read.StoredFootage(
                                        "cam", 500, 1500, Instant.ofEpochMilli(T0 + 3 * MINUTE)),
                        "cam.sub",
                                new io.vigil.archive.read.StoredFootage(
                                        "cam.sub", 40, 2000, Instant.ofEpochMilli(T0 + MINUTE))),
                index.minutes().storedFootage());
    }

    @Test
    void segmentsCountInTheMinuteTheyStartInWhereverTheyEnd() {
        migrate("latest");
        initSegments("cam", "cam.sub");
        index.add(segment("cam", 0, T0, 2000, 1000));
        index.add(segment("cam", 1, T0 + 2000, 2000, 3000));
        index.add(segment("cam", 2, T0 + MINUTE - 1, 2000, 500)); // starts in the first minute, ends in the next
        index.add(segment("cam", 3, T0 + MINUTE + 1, 1999, 700));
        index.add(segment("cam.sub", 0, T0, 2000, 40)); // another stream key: its own totals
        index.add(segment("cam", 3, T0 + MINUTE + 1, 1999, 700)); // the same segment again (a retried upload)
        assertEquals(
                List.of(new MinuteTotal(T0, 4500, 6000, 3), new MinuteTotal(T0 + MINUTE, 700, 1999, 1)), stored("cam"));
        assertEquals(List.of(new MinuteTotal(T0, 40, 2000, 1)), stored("cam.sub"));
    }

    @Test
    void aRangeReadsTheMinutesBeginningInItAndTheOneHoldingItsStart() {
        migrate("latest");
        initSegments("cam");
        for (int i = 0; i < 5; i++) {
            index.add(segment("cam", i, T0 + i * MINUTE, 2000, 100 + i));
        }
        assertEquals(
                List.of(1L, 2L, 3L),
                index
                        .minutes()
                        .between(
                                "cam",
                                Instant.ofEpochMilli(T0 + MINUTE + 30_000),
                                Instant.ofEpochMilli(T0 + 3 * MINUTE + 1))
                        .stream()
                        .map(m -> (m.minuteMillis() - T0) / MINUTE)
                        .toList());
        assertEquals(
                List.of(),
                index.minutes()
                        .between("cam", Instant.ofEpochMilli(T0 + 5 * MINUTE), Instant.ofEpochMilli(T0 + 9 * MINUTE)));
    }

    @Test
    void removingTakesSegmentsAwayAndAMinuteWithoutSegmentsLosesItsRow() {
        migrate("latest");
        initSegments("cam");
        for (int i = 0; i < 40; i++) { // 2 s segments: minutes 0 (30 segments) and 1 (10)
            index.add(segment("cam", i, T0 + i * 2000L, 2000, 1000 + i));
        }
        assertEquals(true, index.remove("cam", 31));
        assertEquals(false, index.remove("cam", 31), "gone already: nothing more to take away");
        long[] sparse = {0, 1, 2, 10, 20, 21, 30, 32, 33, 34, 35, 36, 37, 38, 39, 77};
        assertEquals(15, index.removeAll("cam", sparse), "77 was never indexed");
        long minute0 = 0;
        int count0 = 0;
        for (int i = 0; i < 30; i++) {
            if (java.util.Arrays.binarySearch(sparse, i) < 0) {
                minute0 += 1000 + i;
                count0++;
            }
        }
        assertEquals(List.of(new MinuteTotal(T0, minute0, 2000L * count0, count0)), stored("cam"));
        assertEquals(
                0L,
                db.query(
                                "SELECT COUNT(*) FROM segment_minute WHERE camera_id = 'cam' AND minute_millis = ?",
                                rs -> rs.getLong(1),
                                T0 + MINUTE)
                        .get(0));
    }

    /** Random appends, removals one by one and in batches, and re-adds over two streams: always a fold of the rows. */
    @Test
    void staysEqualToAFoldOfTheRowsUnderRandomChanges() {
        migrate("latest");
        List<String> keys = List.of("cam", "cam.sub");
        initSegments("cam", "cam.sub");
        Random random = new Random(27);
        Map<String, TreeMap<Long, Segment>> rows = Map.of("cam", new TreeMap<>(), "cam.sub", new TreeMap<>());
        List<Segment> removed = new ArrayList<>();
        long[] next = {0, 0};
        long[] t = {T0, T0};
        for (int step = 0; step < 300; step++) {
            int k = random.nextInt(2);
            String key = keys.get(k);
            TreeMap<Long, Segment> mine = rows.get(key);
            int op = random.nextInt(10);
            if (op < 6 || mine.isEmpty()) {
                t[k] += random.nextInt(6) == 0 ? random.nextInt(90_000) : 0;
                Segment s = segment(key, next[k]++, t[k], 200 + random.nextInt(5000), 1 + random.nextInt(2_000_000));
                t[k] = s.end().toEpochMilli();
                index.add(s);
                mine.put(s.sequence(), s);
            } else if (op < 8) {
                Segment victim = new ArrayList<>(mine.values()).get(random.nextInt(mine.size()));
                index.remove(key, victim.sequence());
                mine.remove(victim.sequence());
                removed.add(victim);
            } else if (op < 9) {
                long from = mine.firstKey() + random.nextInt(5);
                long[] batch = java.util.stream.LongStream.range(from, from + 1 + random.nextInt(12))
                        .filter(x -> random.nextInt(4) != 0)
                        .toArray();
                index.removeAll(key, batch);
                for (long sequence : batch) {
                    Segment gone = mine.remove(sequence);
                    if (gone != null) {
                        removed.add(gone);
                    }
                }
            } else if (!removed.isEmpty()) {
                Segment back = removed.remove(random.nextInt(removed.size()));
                index.add(back);
                rows.get(back.cameraId()).put(back.sequence(), back);
            }
            for (String each : keys) {
                assertEquals(fold(rows.get(each).values()), stored(each), each + " after step " + step);
            }
        }
    }

    @Test
    void migrationBackfillsTheMinutesOfSegmentsRecordedBeforeIt() {
        migrate("24");
        List<Segment> recorded = List.of(
                segment("cam", 0, T0, 2000, 1000),
                segment("cam", 1, T0 + 2000, 2000, 2000),
                segment("cam", 2, T0 + MINUTE + 59_999, 2000, 4000),
                segment("cam", 3, T0 + 7 * MINUTE, 1500, 8000),
                segment("cam.sub", 0, T0 + 1, 2000, 16));
        recorded.forEach(s -> IndexTestRows.insertBare(db, s));
        migrate("latest");
        assertEquals(fold(recorded.subList(0, 4)), stored("cam"));
        assertEquals(3, stored("cam").size());
        assertEquals(List.of(new MinuteTotal(T0, 16, 2000, 1)), stored("cam.sub"));
        index.remove("cam", 2);
        assertEquals(fold(List.of(recorded.get(0), recorded.get(1), recorded.get(3))), stored("cam"));
    }

    @Test
    void aFailedAddLeavesNeitherRowNorSpanNorMinute() {
        migrate("latest");
        initSegments("cam");
        index.add(segment("cam", 0, T0, 2000, 1000));
        db.update("ALTER TABLE segment_minute ADD CONSTRAINT small_minutes CHECK (size_bytes < 5000)");
        assertThrows(RuntimeException.class, () -> index.add(segment("cam", 1, T0 + 2000, 2000, 4000)));
        assertEquals(1, index.count("cam"), "the segment row was rolled back with its minute");
        assertEquals(List.of(new RecordingSpan("cam", 0, 0, "s", T0, T0 + 2000)), new RecordingSpans(db).all("cam"));
        assertEquals(List.of(new MinuteTotal(T0, 1000, 2000, 1)), stored("cam"));
    }

    private static List<MinuteTotal> fold(Iterable<Segment> segments) {
        return IndexTestRows.minutesOf(segments);
    }
}
