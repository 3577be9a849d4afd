package io.vigil.recorder;

import static io.vigil.recorder.SegmentCutter.Decision.APPEND;
import static io.vigil.recorder.SegmentCutter.Decision.CUT;
import static io.vigil.recorder.SegmentCutter.Decision.SKIP;
import static io.vigil.recorder.SegmentCutter.Decision.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentCuttingTest {

    @Test
    void cutsOnTheFirstKeyframeAtTheTargetEvenWithJitter() {
        SegmentCutter cutter = new SegmentCutter(2000);
        assertEquals(SKIP, cutter.onVideoPacket(0, false));
        assertEquals(START, cutter.onVideoPacket(40_000, true));
        assertEquals(APPEND, cutter.onVideoPacket(1_000_000, true), "keyframe before the target");
        assertEquals(CUT, cutter.onVideoPacket(2_030_000, true), "GOP of 1.99 s still cuts");
        assertEquals(2_030_000, cutter.segmentStartMicros());
    }

    @Test
    void longGopsEndAtTwiceTheTargetAndAreFlagged() {
        SegmentCutter cutter = new SegmentCutter(2000);
        cutter.onVideoPacket(0, true);
        assertEquals(APPEND, cutter.onVideoPacket(3_960_000, false));
        assertEquals(CUT, cutter.onVideoPacket(4_000_000, false));
        assertFalse(cutter.segmentStartsWithKeyframe());
        assertEquals(CUT, cutter.onVideoPacket(6_000_000, true));
        assertTrue(cutter.segmentStartsWithKeyframe());
    }

    @Test
    void segmentTimesComeFromTheLeastDelayedPacketAndStayContiguous() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        // A connect burst: the first second of stream arrives late, all at once.
        clock.observe(0, t0.plusMillis(1000));
        clock.observe(500_000, t0.plusMillis(1010));
        clock.observe(1_000_000, t0.plusMillis(1020));
        clock.observe(1_960_000, t0.plusMillis(1980));
        assertEquals(t0.plusMillis(20), clock.startOf(0), "capture time estimated from the least-delayed packet");
        clock.ended(t0.plusMillis(2020));
        clock.observe(2_000_000, t0.plusMillis(2100));
        assertEquals(t0.plusMillis(2020), clock.startOf(2_000_000), "contiguous with the previous segment");
        clock.ended(t0.plusMillis(4020));
        assertEquals(0, clock.reanchors());
    }

    @Test
    void aStreamClockThatDriftsPastTheBoundIsMovedBackToTheReceiveClock() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        clock.observe(0, t0);
        assertEquals(t0, clock.startOf(0));
        clock.ended(t0.plusSeconds(2));
        // The camera's timestamps jump 60 s ahead of real time.
        clock.observe(62_000_000, t0.plusSeconds(4));
        assertEquals(t0.plusSeconds(4), clock.startOf(62_000_000));
        assertEquals(1, clock.reanchors());
    }

    @Test
    void theLiveEdgesEstimateIsWhereTheSegmentWillStartAndAnchorsNothing() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(null, clock.estimate(0), "no packet yet");
        clock.observe(0, t0.plusMillis(30));
        clock.observe(40_000, t0.plusMillis(40));
        assertEquals(t0, clock.estimate(0));
        assertEquals(t0, clock.startOf(0), "the archive's start is the live edge's");
        clock.ended(t0.plusSeconds(2));
        clock.observe(2_000_000, t0.plusMillis(2005));
        assertEquals(t0.plusSeconds(2), clock.estimate(2_000_000));
        // a stream clock that jumped: the estimate says where startOf will move it, without moving it
        clock.observe(62_000_000, t0.plusSeconds(4));
        assertEquals(t0.plusSeconds(4), clock.estimate(62_000_000));
        assertEquals(0, clock.reanchors());
        assertEquals(t0.plusSeconds(4), clock.startOf(62_000_000));
        assertEquals(1, clock.reanchors());
    }

    @Test
    void segmentStartsNeverGoBackPastThePreviousEnd() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        clock.ended(t0.plusSeconds(30));
        clock.observe(0, t0.plusSeconds(29));
        assertEquals(t0.plusSeconds(30), clock.startOf(0), "a new session never overlaps the previous one");
    }

    @Test
    void aSenderReportThatAgreesWithTheReceiveClockDatesSegments() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        clock.observe(0, t0.plusMillis(300));
        // The camera says stream time 0 was captured 120 ms before its least-delayed packet arrived.
        assertTrue(clock.senderReport(1_000_000, t0.plusMillis(1180)));
        assertEquals(t0.plusMillis(180), clock.startOf(0));
        assertTrue(clock.followsSenderReports());
    }

    @Test
    void aSenderReportFromACameraWhoseClockIsNotSetIsIgnored() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        clock.observe(0, t0.plusMillis(300));
        assertFalse(clock.senderReport(0, Instant.parse("2000-01-01T00:00:00Z")), "years behind");
        assertFalse(clock.senderReport(0, t0.plusSeconds(2)), "captured 1.7 s after it arrived");
        assertEquals(2, clock.ignoredReports());
        assertFalse(clock.followsSenderReports());
        assertEquals(t0.plusMillis(300), clock.startOf(0), "the least-delayed arrival dates it instead");
    }

    @Test
    void aSenderReportBeforeAnyPacketIsNotBelieved() {
        SegmentClock clock = new SegmentClock(Duration.ofSeconds(5));
        assertFalse(clock.senderReport(0, Instant.parse("2026-11-22T10:00:00Z")));
        assertEquals(0, clock.ignoredReports());
    }
}
