package io.vigil.archive;

import static io.vigil.archive.Reconciliation.First.KEEP;
import static io.vigil.archive.Reconciliation.First.READ_METADATA;
import static io.vigil.archive.Reconciliation.First.REMOVE_ROW;
import static io.vigil.archive.Reconciliation.First.SKIP;
import static io.vigil.archive.Reconciliation.Orphan.INDEX;
import static io.vigil.archive.Reconciliation.Orphan.INDEX_WITH_INIT;
import static io.vigil.archive.Reconciliation.Orphan.LEAVE;
import static io.vigil.archive.Reconciliation.Orphan.REMOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.archive.index.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciliation's decisions, one table row per combination of facts. */
class ReconciliationTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String KEY = ObjectKeys.mediaSegment("cam", T0, 7);
    private static final Segment ROW =
            new Segment("cam", 7, "s1", T0, 2000, 10, KEY, "cam/init/00112233445566778899aabbccddeeff.mp4", true, "ab");

    private record First(
            boolean row, boolean stored, boolean spooled, boolean inWindow, Reconciliation.First expected) {}

    @Test
    void presenceDecidesFirst() {
        List<First> table = List.of(
                //        row    stored spooled inWindow
                new First(true, true, false, true, KEEP),
                new First(true, false, false, true, REMOVE_ROW),
                new First(false, true, false, true, READ_METADATA),
                new First(false, false, false, true, SKIP),
                new First(true, false, true, true, SKIP), // the upload lane stores it yet
                new First(false, true, true, true, SKIP), // the upload lane indexes it yet
                new First(false, false, true, true, SKIP),
                new First(true, false, false, false, SKIP), // outside the window: not this pass's business
                new First(false, true, false, false, SKIP),
                new First(true, true, true, false, SKIP));
        for (First t : table) {
            assertEquals(
                    t.expected(),
                    Reconciliation.first(new Reconciliation.Facts(
                            KEY, t.row() ? Optional.of(ROW) : Optional.empty(), t.stored(), t.spooled(), t.inWindow())),
                    t.toString());
        }
    }

    private record Orphan(
            boolean metadata,
            boolean sequenceIndexed,
            boolean initIndexed,
            boolean initStored,
            Reconciliation.Orphan expected) {}

    @Test
    void metadataAndInitDecideAnObjectWithoutRow() {
        List<Orphan> table = List.of(
                //         metadata seqIndexed initIndexed initStored
                new Orphan(true, false, true, false, INDEX),
                new Orphan(true, false, true, true, INDEX),
                new Orphan(true, false, false, true, INDEX_WITH_INIT),
                new Orphan(true, false, false, false, REMOVE),
                new Orphan(true, true, true, true, LEAVE),
                new Orphan(true, true, false, false, LEAVE),
                new Orphan(false, false, true, true, REMOVE),
                new Orphan(false, true, true, true, REMOVE),
                new Orphan(false, false, false, false, REMOVE));
        for (Orphan t : table) {
            assertEquals(
                    t.expected(),
                    Reconciliation.orphan(
                            t.metadata() ? Optional.of(ROW) : Optional.empty(),
                            t.sequenceIndexed(),
                            t.initIndexed(),
                            t.initStored()),
                    t.toString());
        }
    }

    @Test
    void theWindowIsHalfOpenAndReadFromTheKey() {
        assertEquals(true, Reconciliation.startsIn(KEY, T0, T0.plusMillis(1)));
        assertEquals(false, Reconciliation.startsIn(KEY, T0.minusSeconds(5), T0));
        assertEquals(false, Reconciliation.startsIn(KEY, T0.plusMillis(1), T0.plusSeconds(5)));
        for (String notMedia : List.of(
                "cam/init/00112233445566778899aabbccddeeff.mp4",
                "cam/2026/11/22/10/x-7.m4s",
                "cam/2026/11/22/10/1764151200000-7.m4s.tmp",
                "",
                "cam/2026/11/22/10/-7.m4s",
                "cam/2026/11/22/10/99999999999999999999-7.m4s")) {
            assertEquals(false, Reconciliation.startsIn(notMedia, Instant.EPOCH, Instant.MAX), notMedia);
            assertEquals(-1, ObjectKeys.sequenceOf(notMedia), notMedia);
        }
        assertEquals(7, ObjectKeys.sequenceOf(KEY));
    }
}
