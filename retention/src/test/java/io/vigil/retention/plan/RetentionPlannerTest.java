package io.vigil.retention.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final long HOUR = 3_600_000;

    /** A camera with one 100-byte segment per hour for {@code hours} hours up to NOW. */
    static List<Candidate> hourly(String camera, int hours) {
        List<Candidate> out = new ArrayList<>();
        for (int i = hours; i > 0; i--) {
            long start = NOW.toEpochMilli() - i * HOUR;
            out.add(new Candidate(
                    camera, hours - i, start, start + HOUR, 100, camera + "/" + (hours - i), camera + "/init"));
        }
        return out;
    }

    /** A camera whose newest segment is beyond the test's segments, so none of them is protected as the newest. */
    static CameraPolicy policy(String camera, int days, long maxBytes, long usedBytes) {
        return new CameraPolicy(camera, days, maxBytes, usedBytes, Long.MAX_VALUE);
    }

    static RetentionPlan plan(
            List<CameraPolicy> cameras,
            long globalQuota,
            List<HeldRange> holds,
            Map<String, List<Candidate>> segments) {
        return RetentionPlanner.plan(
                NOW,
                cameras,
                new PlanLimits(globalQuota, 90, Duration.ofMinutes(10), 1_000_000),
                holds,
                c -> segments.get(c).iterator());
    }

    static List<Long> sequences(RetentionPlan plan, String camera) {
        return plan.deletions().stream()
                .filter(d -> d.segment().cameraId().equals(camera))
                .map(d -> d.segment().sequence())
                .collect(Collectors.toList());
    }

    @Test
    void ageDeletesOnlySegmentsThatEndedBeforeTheCameraRetention() {
        // 3 days of hourly segments; 2-day retention: the first 24 end at or before NOW - 2 days.
        var plan = plan(List.of(policy("a", 2, 0, 7200)), 0, List.of(), Map.of("a", hourly("a", 72)));
        assertEquals(24, plan.deletions().size());
        assertEquals(23L, sequences(plan, "a").get(23));
        assertTrue(plan.deletions().stream().allMatch(d -> d.reason() == Deletion.Reason.AGE));
    }

    @Test
    void cameraQuotaDeletesOldestUntilTheLowWaterMark() {
        // 48 segments x 100 bytes = 4800 over a 4000-byte quota: down to 3600 (90 %), 12 oldest go.
        var plan = plan(List.of(policy("a", 30, 4000, 4800)), 0, List.of(), Map.of("a", hourly("a", 48)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), sequences(plan, "a"));
        assertTrue(plan.deletions().stream().allMatch(d -> d.reason() == Deletion.Reason.QUOTA));
        assertEquals(List.of(), plan.shortfalls());
    }

    @Test
    void globalQuotaDeletesOldestAcrossCameras() {
        // a: 10 h, b: 20 h of hourly 100-byte segments (3000 bytes) over a 2000-byte quota: down to 1800.
        // The oldest 12 across both: b's first 10 (older than all of a) then a's 0 and b's 10 (same hour: either).
        var plan = plan(
                List.of(policy("a", 30, 0, 1000), policy("b", 30, 0, 2000)),
                2000,
                List.of(),
                Map.of("a", hourly("a", 10), "b", hourly("b", 20)));
        assertEquals(12, plan.deletions().size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sequences(plan, "b"));
        assertEquals(List.of(0L), sequences(plan, "a"));
    }

    @Test
    void holdsKeepSegmentsFromAgeAndQuotaAndUnmetQuotasAreReported() {
        // Everything older than 1 day; hours 10..20 of the first day are held.
        List<Candidate> segments = hourly("a", 48);
        long heldStart = segments.get(10).startMillis();
        long heldEnd = segments.get(20).startMillis() + 1; // overlaps segment 20 by 1 ms: held too
        var hold = new HeldRange("a", heldStart, heldEnd);
        var byAge = plan(List.of(policy("a", 1, 0, 4800)), 0, List.of(hold), Map.of("a", segments));
        assertEquals(24 - 11, byAge.deletions().size());
        assertEquals(11, byAge.heldSegments());
        assertTrue(sequences(byAge, "a").stream().noneMatch(s -> s >= 10 && s <= 20));

        // A 100-byte quota cannot be met: all but the held 11 go (the newest started an hour ago), and it says so.
        var byQuota = plan(List.of(policy("a", 30, 100, 4800)), 0, List.of(hold), Map.of("a", segments));
        assertEquals(48 - 11, byQuota.deletions().size());
        assertEquals(1, byQuota.shortfalls().size());
        assertTrue(
                byQuota.shortfalls().get(0).startsWith("camera a: "),
                byQuota.shortfalls().get(0));
    }

    @Test
    void quotasNeverReachFootageOfTheLastTenMinutes() {
        long start = NOW.minus(Duration.ofMinutes(9)).toEpochMilli();
        List<Candidate> recent = List.of(new Candidate("a", 0, start, start + 2000, 10_000, "k", "i"));
        var plan = plan(List.of(policy("a", 30, 1, 10_000)), 1, List.of(), Map.of("a", recent));
        assertEquals(List.of(), plan.deletions());
        assertEquals(2, plan.shortfalls().size());
    }

    @Test
    void readsNoMoreSegmentsThanItDeletesPlusOne() {
        List<Candidate> segments = hourly("a", 1000);
        int[] read = {0};
        Iterator<Candidate> counting = new Iterator<>() {
            final Iterator<Candidate> it = segments.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Candidate next() {
                read[0]++;
                return it.next();
            }
        };
        var plan = RetentionPlanner.plan(
                NOW,
                List.of(policy("a", 30, 0, 100_000)),
                new PlanLimits(0, 90, Duration.ofMinutes(10), 1_000_000),
                List.of(),
                c -> counting);
        assertEquals(1000 - 720, plan.deletions().size());
        assertEquals(1000 - 720 + 1, read[0]);
    }

    @Test
    void theNewestSegmentOfACameraIsNeverDeletedSoSequencesNeverRepeat() {
        var plan = plan(List.of(new CameraPolicy("a", 1, 1, 4800, 47)), 1, List.of(), Map.of("a", hourly("a", 48)));
        assertEquals(47, plan.deletions().size());
        assertTrue(sequences(plan, "a").stream().noneMatch(s -> s == 47));
    }

    @Test
    void aRunStopsAtItsCapAndSaysTheNextGoesOn() {
        var plan = RetentionPlanner.plan(
                NOW,
                List.of(policy("a", 1, 0, 4800), policy("b", 1, 0, 4800)),
                new PlanLimits(0, 90, Duration.ofMinutes(10), 30),
                List.of(),
                c -> hourly(c, 48).iterator());
        assertEquals(30, plan.deletions().size());
        assertEquals(24, sequences(plan, "a").size(), "a's 24 expired segments first");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), sequences(plan, "b"), "then b's oldest, up to the cap");
        assertTrue(
                plan.shortfalls().get(0).contains("vigil.retention.max-segments-per-run"),
                plan.shortfalls().toString());
    }
}
