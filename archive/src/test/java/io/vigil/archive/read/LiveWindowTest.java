package io.vigil.archive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.archive.index.ListedSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveWindowTest {

    private static ListedSegment segment(long sequence) {
        return new ListedSegment(sequence, "s", sequence * 2000, 2000, "init", true);
    }

    private static List<Long> sequences(List<ListedSegment> segments) {
        return segments.stream().map(ListedSegment::sequence).toList();
    }

    @Test
    void aContiguousWindowIsKept() {
        assertEquals(
                List.of(4L, 5L, 6L), sequences(LiveWindow.afterLastJump(List.of(segment(4), segment(5), segment(6)))));
        assertEquals(List.of(), sequences(LiveWindow.afterLastJump(List.of())));
    }

    @Test
    void theWindowStartsAfterTheLastJump() {
        assertEquals(
                List.of(165L, 166L),
                sequences(LiveWindow.afterLastJump(
                        List.of(segment(99), segment(100), segment(101), segment(165), segment(166)))));
        assertEquals(
                List.of(7L),
                sequences(LiveWindow.afterLastJump(List.of(segment(1), segment(3), segment(4), segment(7)))));
    }

    @Test
    void aWindowCannotHaveANegativeDiscontinuitySequence() {
        Listing empty = new Listing("cam", List.of(), java.util.Set.of(), java.util.Set.of());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LiveWindow(empty, -1));
    }
}
