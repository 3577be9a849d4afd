package io.vigil.archive;

import static io.vigil.archive.ArchiveCheck.Kind.OBJECT_WITHOUT_ROW;
import static io.vigil.archive.ArchiveCheck.Kind.ROW_WITHOUT_OBJECT;
import static io.vigil.archive.ArchiveCheck.Kind.SIZE_MISMATCH;
import static io.vigil.archive.ArchiveCheck.Kind.SPOOLED_NOT_STORED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.archive.index.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The archive check's comparison: one row per combination of where a segment is. */
class ArchiveCheckTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Segment segment(long sequence, long sizeBytes) {
        Instant start = T0.plusSeconds(2 * sequence);
        return new Segment(
                "cam",
                sequence,
                "s1",
                start,
                2000,
                sizeBytes,
                ObjectKeys.mediaSegment("cam", start, sequence),
                "cam/init/00112233445566778899aabbccddeeff.mp4",
                true,
                "ab");
    }

    /** Where one segment is: indexed, stored (with this size, or null), spooled; and what the check says. */
    private record Row(boolean indexed, Long storedBytes, boolean spooled, ArchiveCheck.Kind expected) {}

    @Test
    void everyPlaceASegmentCanBeInIsJudged() {
        List<Row> table = List.of(
                new Row(true, 10L, false, null),
                new Row(true, null, false, ROW_WITHOUT_OBJECT),
                new Row(false, 10L, false, OBJECT_WITHOUT_ROW),
                new Row(true, 11L, false, SIZE_MISMATCH),
                new Row(false, null, true, SPOOLED_NOT_STORED),
                new Row(false, 10L, true, SPOOLED_NOT_STORED), // stored, its row not yet written
                new Row(true, 10L, true, null), // done; the spool entry goes next
                new Row(true, null, true, SPOOLED_NOT_STORED));
        for (Row t : table) {
            Segment s = segment(7, 10);
            ArchiveCheck.Report r = ArchiveCheck.compare(
                    "cam",
                    T0,
                    T0.plusSeconds(60),
                    t.indexed() ? List.of(s) : List.of(),
                    t.storedBytes() == null ? Map.of() : Map.of(s.objectKey(), t.storedBytes()),
                    t.spooled() ? List.of(s) : List.of(),
                    0);
            assertEquals(t.expected() == null, r.consistent(), t.toString());
            assertEquals(
                    t.expected() == null ? List.of() : List.of(t.expected()),
                    r.discrepancies().stream()
                            .map(ArchiveCheck.Discrepancy::kind)
                            .toList(),
                    t.toString());
            if (t.expected() != null) {
                assertEquals(7, r.discrepancies().get(0).sequence());
                assertEquals(s.objectKey(), r.discrepancies().get(0).objectKey());
            }
        }
    }

    @Test
    void countsEverythingAndListsAtMostAThousand() {
        List<Segment> rows =
                IntStream.range(0, 1500).mapToObj(i -> segment(i, 10)).toList();
        ArchiveCheck.Report r = ArchiveCheck.compare("cam", T0, T0.plusSeconds(3600), rows, Map.of(), List.of(), 3);
        assertEquals(
                List.of(1500, 0, 0, 3, 1500, 1000),
                List.of(
                        r.rows(),
                        r.objects(),
                        r.spooled(),
                        r.unnumbered(),
                        r.discrepancyCount(),
                        r.discrepancies().size()));
        assertEquals("indexed, not in the store", r.discrepancies().get(0).detail());
    }
}
