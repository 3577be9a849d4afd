package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static TimeRange span(long fromSeconds, long toSeconds) {
        return new TimeRange(T0.plusSeconds(fromSeconds), T0.plusSeconds(toSeconds));
    }

    @Test
    void mergesContiguousSegmentsOfOneSessionAndListsTheGaps() {
        SpanAssembler a = new SpanAssembler(T0, T0.plusSeconds(60), 1000);
        long t = T0.toEpochMilli();
        a.add("s1", t + 10_000, t + 10_000 + 2000);
        a.add("s1", t + 12_000, t + 12_000 + 2000);
        a.add("s1", t + 14_500, t + 14_500 + 2000); // 500 ms pause: same span
        a.add("s2", t + 16_500, t + 16_500 + 2000); // new session: new span even without a pause
        a.add("s2", t + 40_000, t + 40_000 + 2000); // long pause: new span
        assertEquals(
                List.of(
                        new TimeRange(T0.plusSeconds(10), T0.plusMillis(16_500)),
                        new TimeRange(T0.plusMillis(16_500), T0.plusMillis(18_500)),
                        span(40, 42)),
                a.spans());
        assertEquals(
                List.of(span(0, 10), new TimeRange(T0.plusMillis(18_500), T0.plusSeconds(40)), span(42, 60)), a.gaps());
    }

    @Test
    void clipsSegmentsToTheRange() {
        SpanAssembler a = new SpanAssembler(T0.plusSeconds(1), T0.plusSeconds(3), 1000);
        a.add("s1", T0.toEpochMilli(), T0.toEpochMilli() + 2000);
        a.add("s1", T0.toEpochMilli() + 2000, T0.toEpochMilli() + 2000 + 2000);
        assertEquals(List.of(span(1, 3)), a.spans());
        assertEquals(List.of(), a.gaps());
    }

    @Test
    void anEmptyRangeIsOneGap() {
        SpanAssembler a = new SpanAssembler(T0, T0.plusSeconds(5), 1000);
        assertEquals(List.of(), a.spans());
        assertEquals(List.of(span(0, 5)), a.gaps());
    }

    @Test
    void rangesMustEndAfterTheyStartAndParse() {
        assertEquals(
                new TimeRange(T0, T0.plusSeconds(60)),
                TimeRange.parse("2026-11-22T10:00:00Z", "2026-11-22T11:01:00+01:00"));
        VigilException backwards = assertThrows(
                VigilException.class, () -> TimeRange.parse("2026-11-22T10:17:00Z", "2026-11-22T10:02:00Z"));
        assertEquals(ErrorCode.INVALID_RANGE, backwards.code());
        VigilException garbage =
                assertThrows(VigilException.class, () -> TimeRange.parse("yesterday", "2026-11-22T10:02:00Z"));
        assertEquals(ErrorCode.VALIDATION_FAILED, garbage.code());
        assertEquals(List.of("start"), List.copyOf(garbage.fieldErrors().keySet()));
    }
}
