package io.vigil.playback;

import io.vigil.archive.index.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveWindowTest {

    private static Segment segment(long sequence) {
        return new Segment("cam", sequence, "s", Instant.ofEpochSecond(sequence * 2), 2000, 100, "k" + sequence,
                "init", true, null);
    }

    private static List<Long> sequences(List<Segment> segments) {
        return segments.stream().map(Segment::sequence).toList();
    }

    @Test
    void aContiguousWindowIsKept() {
        assertEquals(List.of(4L, 5L, 6L), sequences(LiveWindow.afterLastJump(List.of(segment(4), segment(5), segment(6)))));
        assertEquals(List.of(), sequences(LiveWindow.afterLastJump(List.of())));
    }

    @Test
    void theWindowStartsAfterTheLastJump() {
        assertEquals(List.of(165L, 166L), sequences(LiveWindow.afterLastJump(
                List.of(segment(99), segment(100), segment(101), segment(165), segment(166)))));
        assertEquals(List.of(7L), sequences(LiveWindow.afterLastJump(List.of(segment(1), segment(3), segment(4), segment(7)))));
    }
}
