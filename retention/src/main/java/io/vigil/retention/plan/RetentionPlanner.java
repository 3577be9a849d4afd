package io.vigil.retention.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Decides what a retention run deletes. Per camera, oldest first: every segment that ended more than its
 * retention ago (AGE); then, while the camera is over its quota, the oldest until it is at the low-water mark
 * (QUOTA); then, while all cameras together are over the global quota, the oldest across cameras (QUOTA).
 * Segments overlapping an active hold are never chosen, nor a camera's newest segment, and quotas never reach
 * segments that started within {@code recentProtection} of now: what cannot be met is reported as a shortfall.
 * A plan holds at most {@code maxDeletions}; the next run goes on from there. Pure.
 */
public final class RetentionPlanner {

    private RetentionPlanner() {}

    /**
     * @param cameras     every camera that has recordings, with its policy and usage
     * @param limits      global quota, low-water mark, recent protection, deletions per run
     * @param holds       ranges active holds keep
     * @param oldestFirst a camera's segments not yet marked for deletion, oldest first, read lazily
     */
    public static RetentionPlan plan(
            Instant now,
            List<CameraPolicy> cameras,
            PlanLimits limits,
            List<HeldRange> holds,
            Function<String, Iterator<Candidate>> oldestFirst) {
        Duration recentProtection = limits.recentProtection();
        long globalQuotaBytes = limits.globalQuotaBytes();
        int lowWaterPercent = limits.lowWaterPercent();
        Plan plan =
                new Plan(now.minus(recentProtection).toEpochMilli(), recentProtection, holds, limits.maxDeletions());
        List<Cursor> cursors = new ArrayList<>();
        for (CameraPolicy policy : cameras) {
            Cursor cursor = new Cursor(policy, oldestFirst.apply(policy.cameraId()));
            cursors.add(cursor);
            long cutoffMillis =
                    now.minus(Duration.ofDays(policy.retentionDays())).toEpochMilli();
            for (Candidate c = cursor.peek();
                    !plan.full() && c != null && c.endMillis() <= cutoffMillis;
                    c = cursor.peek()) {
                plan.take(cursor, Deletion.Reason.AGE);
            }
            if (policy.maxBytes() > 0 && cursor.usedBytes > policy.maxBytes()) {
                long targetBytes = lowWater(policy.maxBytes(), lowWaterPercent);
                while (cursor.usedBytes > targetBytes && !plan.full() && plan.deletable(cursor.peek())) {
                    plan.take(cursor, Deletion.Reason.QUOTA);
                }
                if (cursor.usedBytes > targetBytes && !plan.full()) {
                    plan.shortfall("camera " + policy.cameraId(), cursor.usedBytes, policy.maxBytes(), targetBytes);
                }
            }
        }
        if (globalQuotaBytes > 0) {
            long targetBytes = lowWater(globalQuotaBytes, lowWaterPercent);
            long totalBytes = cursors.stream().mapToLong(c -> c.usedBytes).sum();
            if (totalBytes > globalQuotaBytes) {
                for (Cursor oldest = plan.oldest(cursors);
                        totalBytes > targetBytes && oldest != null && !plan.full();
                        oldest = plan.oldest(cursors)) {
                    long before = oldest.usedBytes;
                    plan.take(oldest, Deletion.Reason.QUOTA);
                    totalBytes -= before - oldest.usedBytes;
                }
                if (totalBytes > targetBytes && !plan.full()) {
                    plan.shortfall("all cameras", totalBytes, globalQuotaBytes, targetBytes);
                }
            }
        }
        if (plan.full()) {
            plan.shortfalls.add("this run stopped at " + limits.maxDeletions()
                    + " deletions (vigil.retention.max-segments-per-run); the next run goes on");
        }
        return new RetentionPlan(plan.deletions, plan.heldSegments, plan.shortfalls);
    }

    private static long lowWater(long quotaBytes, int percent) {
        return (long) (quotaBytes * (percent / 100.0));
    }

    /** One camera's segments, oldest first, and what they will take after the deletions chosen so far. */
    private static final class Cursor {
        final Iterator<Candidate> segments;
        final long newestSequence;
        long usedBytes;
        Candidate head;

        Cursor(CameraPolicy policy, Iterator<Candidate> segments) {
            this.segments = segments;
            this.newestSequence = policy.newestSequence();
            this.usedBytes = policy.usedBytes();
        }

        /** The oldest segment not yet taken, or null when only the newest (never deleted) is left. */
        Candidate peek() {
            if (head == null && segments.hasNext()) {
                head = segments.next();
            }
            return head == null || head.sequence() >= newestSequence ? null : head;
        }
    }

    /** The plan being built. */
    private static final class Plan {
        final long recentLimitMillis;
        final Duration recentProtection;
        final List<HeldRange> holds;
        final int maxDeletions;
        final List<Deletion> deletions = new ArrayList<>();
        final List<String> shortfalls = new ArrayList<>();
        long heldSegments;

        Plan(long recentLimitMillis, Duration recentProtection, List<HeldRange> holds, int maxDeletions) {
            this.maxDeletions = maxDeletions;
            this.recentLimitMillis = recentLimitMillis;
            this.recentProtection = recentProtection;
            this.holds = holds;
        }

        boolean full() {
            return deletions.size() >= maxDeletions;
        }

        /** True if a quota may delete the segment (held ones are passed over when taken). */
        boolean deletable(Candidate c) {
            return c != null && c.startMillis() < recentLimitMillis;
        }

        /** Takes the cursor's oldest segment: deleted, or kept and counted if a hold covers it. */
        void take(Cursor cursor, Deletion.Reason reason) {
            Candidate c = cursor.peek();
            cursor.head = null;
            if (holds.stream().anyMatch(h -> h.keeps(c))) {
                heldSegments++;
                return;
            }
            deletions.add(new Deletion(c, reason));
            cursor.usedBytes -= c.sizeBytes();
        }

        /** The cursor whose next segment is the oldest a quota may delete, or null. */
        Cursor oldest(List<Cursor> cursors) {
            Cursor oldest = null;
            for (Cursor c : cursors) {
                if (deletable(c.peek())
                        && (oldest == null
                                || c.peek().startMillis() < oldest.peek().startMillis())) {
                    oldest = c;
                }
            }
            return oldest;
        }

        void shortfall(String whose, long usedBytes, long quotaBytes, long targetBytes) {
            shortfalls.add(String.format(
                    Locale.ROOT,
                    "%s: %,d bytes stay over the %,d-byte low-water mark of the %,d-byte "
                            + "quota; the rest is held or recorded in the last %s",
                    whose,
                    usedBytes - targetBytes,
                    targetBytes,
                    quotaBytes,
                    recentProtection.toString().substring(2).toLowerCase(Locale.ROOT)));
        }
    }
}
