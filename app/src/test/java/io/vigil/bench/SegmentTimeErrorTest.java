package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTimeErrorTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration HALF_GOP = Duration.ofSeconds(1);

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void matchesEachSegmentWithTheNearestKeyframeEitherSide() {
        List<Instant> keyframes = List.of(at(0), at(2000), at(4000), at(6000));
        List<Instant> starts = List.of(at(30), at(1990), at(4100), at(5950));

        SegmentTimeError error = SegmentTimeError.match(keyframes, starts, HALF_GOP);

        assertEquals(List.of(30L, -10L, 100L, -50L), error.differencesMillis());
        assertEquals(0, error.unmatched());
        assertEquals(30, error.absolutePercentile(50));
        assertEquals(100, error.absolutePercentile(95));
        assertEquals(100, error.absolutePercentile(100));
        assertEquals(17.5, error.meanMillis(), 1e-9);
    }

    @Test
    void aSegmentWithoutAKeyframeWithinHalfAGopIsUnmatchedNotAnError() {
        List<Instant> keyframes = List.of(at(4000), at(0)); // any order
        List<Instant> starts = List.of(at(0), at(8000), at(-5000));

        SegmentTimeError error = SegmentTimeError.match(keyframes, starts, HALF_GOP);

        assertEquals(List.of(0L), error.differencesMillis());
        assertEquals(2, error.unmatched());
    }

    @Test
    void noKeyframesMatchNothing() {
        SegmentTimeError error = SegmentTimeError.match(List.of(), List.of(at(0)), HALF_GOP);

        assertEquals(1, error.unmatched());
        assertTrue(Double.isNaN(error.absolutePercentile(50)));
        assertTrue(error.summary().startsWith("no segment matched"));
    }
}
