package io.vigil.retention.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSafetyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static RunSafety.Facts facts(
            Optional<Instant> newest,
            Optional<Instant> lastRun,
            Optional<Duration> wall,
            Duration monotonic,
            boolean indexEmpty,
            boolean storeHoldsSegments) {
        return new RunSafety.Facts(NOW, newest, lastRun, wall, monotonic, indexEmpty, storeHoldsSegments);
    }

    @Test
    void anOrdinaryRunMayDelete() {
        assertEquals(
                Optional.empty(),
                RunSafety.refusal(facts(
                        Optional.of(NOW.minusSeconds(2)),
                        Optional.of(NOW.minus(Duration.ofMinutes(5))),
                        Optional.of(Duration.ofMinutes(5)),
                        Duration.ofMinutes(5).plusMillis(30),
                        false,
                        true)));
        assertEquals(
                Optional.empty(),
                RunSafety.refusal(
                        facts(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO, true, false)),
                "a new install: nothing indexed, nothing stored");
    }

    @Test
    void aClockThatJumpedForwardWhileTheServiceRanIsNotTrusted() {
        // Five minutes passed on the monotonic clock, two days on the wall clock: age retention would delete two days.
        var refusal = RunSafety.refusal(facts(
                Optional.of(NOW.minusSeconds(2)),
                Optional.empty(),
                Optional.of(Duration.ofDays(2)),
                Duration.ofMinutes(5),
                false,
                true));
        assertTrue(refusal.orElseThrow().contains("jumped"), refusal.toString());
    }

    @Test
    void aClockBehindThePreviousRunOrTheNewestRecordingIsNotTrusted() {
        assertTrue(RunSafety.refusal(facts(
                        Optional.empty(),
                        Optional.of(NOW.plus(Duration.ofDays(2))),
                        Optional.empty(),
                        Duration.ZERO,
                        false,
                        true))
                .orElseThrow()
                .contains("previous run"));
        assertTrue(RunSafety.refusal(facts(
                        Optional.of(NOW.plus(Duration.ofHours(25))),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ZERO,
                        false,
                        true))
                .orElseThrow()
                .contains("newest recording"));
        assertEquals(
                Optional.empty(),
                RunSafety.refusal(facts(
                        Optional.of(NOW.plus(Duration.ofHours(23))),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ZERO,
                        false,
                        true)),
                "within a day: a skewed camera clock, not a jump");
    }

    @Test
    void anEmptyIndexBesideAStoreFullOfRecordingsLooksLost() {
        var refusal = RunSafety.refusal(
                facts(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO, true, true));
        assertTrue(refusal.orElseThrow().contains("index looks lost"), refusal.toString());
    }
}
