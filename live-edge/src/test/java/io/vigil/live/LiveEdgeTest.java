package io.vigil.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveEdgeTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final byte[] INIT = {1, 2, 3};
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LiveEdge edge = new LiveEdge("yard", 100, 3, Duration.ofSeconds(60), nanos::get);

    /** Where the recorder dates the next segment: 1 s after the one before. */
    private Instant segmentStart = T0;

    private void part(int size, boolean independent) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) size;
        edge.part(bytes, segmentStart, 200_000, independent, nanos.get());
    }

    /** A segment of {@code parts} parts of 10, 11, ... bytes, ended with its parts joined. */
    private void segment(int parts) {
        byte[] whole = new byte[0];
        for (int p = 0; p < parts; p++) {
            part(10 + p, p == 0);
            byte[] joined = new byte[whole.length + 10 + p];
            System.arraycopy(whole, 0, joined, 0, whole.length);
            joined[whole.length] = (byte) (10 + p);
            whole = joined;
        }
        edge.segmentEnded(whole);
        segmentStart = segmentStart.plusSeconds(1);
    }

    @Test
    void segmentsAreNumberedFromTheFirstSequenceAndDatedAsTheRecorderDatesThem() {
        edge.init(INIT, 200_000);
        edge.watched();
        segment(3);
        segment(2);
        EdgeSnapshot s = edge.snapshot();
        assertEquals(2, s.segments().size());
        assertEquals(100, s.segments().get(0).sequence());
        assertEquals(T0, s.segments().get(0).start());
        assertEquals(T0.plusSeconds(1), s.segments().get(1).start(), "the recorder's date, as the archive's");
        assertTrue(s.segments().get(0).discontinuity(), "a session's first segment");
        assertFalse(s.segments().get(1).discontinuity());
        assertEquals(102, s.nextSequence());
    }

    @Test
    void aCompleteSegmentsPartsAreSlicesOfItsWholeBytes() {
        edge.init(INIT, 200_000);
        edge.watched();
        segment(3);
        LiveSegment s = edge.snapshot().segments().get(0);
        assertSame(s.parts().get(0).bytes(), s.parts().get(2).bytes(), "one array for the whole segment");
        assertEquals(33, s.content().remaining());
        byte[] second = new byte[11];
        s.parts().get(1).content().get(second);
        assertEquals(11, second[0]);
    }

    @Test
    void aWatchedEdgeKeepsItsNewestCompleteSegmentsAndAnUnwatchedOneItsNewestAndTheOpenOne() {
        edge.init(INIT, 200_000);
        edge.watched();
        for (int i = 0; i < 5; i++) {
            segment(2);
        }
        assertEquals(3, edge.snapshot().segments().size());
        assertEquals(102, edge.snapshot().segments().get(0).sequence());
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        segment(2);
        part(10, true);
        EdgeSnapshot s = edge.snapshot();
        assertEquals(2, s.segments().size(), "the newest complete segment and the one being written");
        assertEquals(105, s.segments().get(0).sequence());
        assertTrue(s.segments().get(0).complete());
    }

    @Test
    void aNewInitSegmentOrANewSessionMakesADiscontinuityCountedWhenItLeaves() {
        edge.init(INIT, 200_000);
        edge.watched();
        segment(1);
        edge.sessionEnded();
        edge.init(INIT, 200_000);
        segment(1);
        edge.init(new byte[] {9}, 200_000);
        segment(1);
        EdgeSnapshot s = edge.snapshot();
        assertTrue(s.segments().get(1).discontinuity(), "after the session ended");
        assertTrue(s.segments().get(2).discontinuity(), "with new parameter sets");
        assertEquals(1, s.segments().get(1).initNumber(), "the same init segment keeps its number");
        assertEquals(2, s.segments().get(2).initNumber());
        segment(1);
        segment(1);
        assertEquals(2, edge.snapshot().discontinuitySequence());
        assertArrayEquals(new byte[] {9}, edge.snapshot().inits().get(2));
        assertFalse(edge.snapshot().inits().containsKey(1), "an init no segment needs goes");
    }

    @Test
    void aSegmentLeftOpenWhenTheSessionEndsIsDropped() {
        edge.init(INIT, 200_000);
        part(10, true);
        edge.sessionEnded();
        assertTrue(edge.snapshot().isEmpty());
        assertEquals(101, edge.snapshot().nextSequence(), "its number is not given again");
    }

    @Test
    void aPartBeforeAnInitSegmentIsRefused() {
        assertThrows(IllegalStateException.class, () -> part(10, true));
    }

    @Test
    void aWaitingRequestCompletesWithTheSnapshotHoldingItsPart() throws Exception {
        edge.init(INIT, 200_000);
        part(10, true);
        CompletableFuture<EdgeSnapshot> waiting = edge.await(100, 1, Duration.ofSeconds(10));
        assertFalse(waiting.isDone());
        assertEquals(1, edge.waiting());
        part(11, false);
        assertTrue(waiting.isDone());
        assertTrue(waiting.get().segment(100).orElseThrow().hasPart(1));
        assertEquals(0, edge.waiting());
    }

    @Test
    void aRequestForWhatIsThereCompletesAtOnce() {
        edge.init(INIT, 200_000);
        part(10, true);
        assertTrue(edge.await(100, 0, Duration.ofSeconds(10)).isDone());
    }

    @Test
    void aWaitingRequestTimesOut() {
        edge.init(INIT, 200_000);
        CompletableFuture<EdgeSnapshot> waiting = edge.await(100, 0, Duration.ofMillis(1));
        ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
        assertTrue(e.getCause() instanceof TimeoutException, e.toString());
    }

    @Test
    void requestsPastTheLimitOfWaitersAreRefusedNotQueued() {
        edge.init(INIT, 200_000);
        for (int i = 0; i < LiveEdge.MAX_WAITERS; i++) {
            edge.await(100, 0, Duration.ofSeconds(10));
        }
        CompletableFuture<EdgeSnapshot> refused = edge.await(100, 0, Duration.ofSeconds(10));
        ExecutionException e = assertThrows(ExecutionException.class, refused::get);
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    }
}
