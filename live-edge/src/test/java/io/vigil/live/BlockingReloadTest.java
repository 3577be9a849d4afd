package io.vigil.live;

import static io.vigil.live.BlockingReload.Decision.ANSWER;
import static io.vigil.live.BlockingReload.Decision.TOO_FAR;
import static io.vigil.live.BlockingReload.Decision.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments 10 (complete, 3 parts) and 11 (open, 2 parts): what each request gets. */
class BlockingReloadTest {

    private static final LivePart PART = new LivePart(new byte[8], 0, 8, 200_000, false, 0);
    private static final EdgeSnapshot EDGE = new EdgeSnapshot(
            "yard",
            200_000,
            0,
            12,
            List.of(
                    new LiveSegment(10, Instant.EPOCH, 1, false, List.of(PART, PART, PART), 600_000, true),
                    new LiveSegment(11, Instant.EPOCH, 1, false, List.of(PART, PART), 400_000, false)),
            Map.of());

    private static void expect(BlockingReload.Decision decision, long sequence, int part) {
        assertEquals(decision, BlockingReload.decide(EDGE, sequence, part), sequence + "." + part);
    }

    @Test
    void aPartThatExistsIsAnsweredAtOnce() {
        expect(ANSWER, 11, 1);
        expect(ANSWER, 10, 2);
    }

    @Test
    void anyPartOfACompleteSegmentIsAnsweredItsSegmentHasMovedOn() {
        expect(ANSWER, 10, 7);
        expect(ANSWER, 10, -1);
    }

    @Test
    void theNextPartAndTheNextSegmentsWait() {
        expect(WAIT, 11, 2);
        expect(WAIT, 11, -1);
        expect(WAIT, 12, 0);
        expect(WAIT, 13, 0);
    }

    @Test
    void moreThanTwoSegmentsPastTheNewestIsTooFar() {
        expect(TOO_FAR, 14, 0);
        expect(TOO_FAR, 1_000_000, 0);
    }

    @Test
    void aSegmentThatLeftTheEdgeIsAnsweredWithTheEdgeAsItIs() {
        expect(ANSWER, 3, 0);
    }

    @Test
    void nonsenseNumbersAreTooFar() {
        expect(TOO_FAR, -1, 0);
        expect(TOO_FAR, 11, -2);
        expect(TOO_FAR, 11, BlockingReload.MAX_PART_INDEX + 1);
    }

    @Test
    void anEmptyEdgeWaitsForItsNextSegmentOnly() {
        EdgeSnapshot empty = new EdgeSnapshot("yard", 200_000, 0, 12, List.of(), Map.of());
        assertEquals(WAIT, BlockingReload.decide(empty, 12, 0));
        assertEquals(WAIT, BlockingReload.decide(empty, 13, 0));
        assertEquals(TOO_FAR, BlockingReload.decide(empty, 14, 0));
        assertEquals(ANSWER, BlockingReload.decide(empty, 11, 0));
    }
}
