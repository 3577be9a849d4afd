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
 * Segments overlapping an active hold are never chosen, and quotas never reach segments that started within
 * {@code recentProtection} of now: what cannot be met is reported as a shortfall. Pure.
 */
public final class RetentionPlanner {

    private RetentionPlanner() {
    }

    /**
     * @param cameras         every camera that has recordings, with its policy and usage
     * @param globalQuotaBytes quota over all cameras; 0 for none
     * @param lowWaterPercent a quota run deletes until usage is at most this percentage of the quota
     * @param holds           ranges active holds keep
     * @param recentProtection quotas never delete segments that started this recently
     * @param oldestFirst     a camera's segments not yet marked for deletion, oldest first, read lazily
     */
    public static RetentionPlan plan(Instant now, List<CameraPolicy> cameras, long globalQuotaBytes, int lowWaterPercent,
                                     List<HeldRange> holds, Duration recentProtection,
                                     Function<String, Iterator<Candidate>> oldestFirst) {
        Plan plan = new Plan(now.minus(recentProtection).toEpochMilli(), recentProtection, holds);
        List<Cursor> cursors = new ArrayList<>();
        for (CameraPolicy policy : cameras) {
            Cursor cursor = new Cursor(policy, oldestFirst.apply(policy.cameraId()));
            cursors.add(cursor);
            long cutoffMillis = now.minus(Duration.ofDays(policy.retentionDays())).toEpochMilli();
            for (Candidate c = cursor.peek(); c != null && c.endMillis() <= cutoffMillis; c = cursor.peek()) {
                plan.take(cursor, Deletion.Reason.AGE);
            }
            if (policy.maxBytes() > 0 && cursor.usedBytes > policy.maxBytes()) {
                long targetBytes = lowWater(policy.maxBytes(), lowWaterPercent);
                while (cursor.usedBytes > targetBytes && plan.deletable(cursor.peek())) {
                    plan.take(cursor, Deletion.Reason.QUOTA);
                }
                if (cursor.usedBytes > targetBytes) {
                    plan.shortfall("camera " + policy.cameraId(), cursor.usedBytes, policy.maxBytes(), targetBytes);
                }
            }
        }
        if (globalQuotaBytes > 0) {
            long targetBytes = lowWater(globalQuotaBytes, lowWaterPercent);
            long totalBytes = cursors.stream().mapToLong(c -> c.usedBytes).sum();
            if (totalBytes > globalQuotaBytes) {
                for (Cursor oldest = plan.oldest(cursors); totalBytes > targetBytes && oldest != null;
                     oldest = plan.oldest(cursors)) {
                    long before = oldest.usedBytes;
                    plan.take(oldest, Deletion.Reason.QUOTA);
                    totalBytes -= before - oldest.usedBytes;
                }
                if (totalBytes > targetBytes) {
                    plan.shortfall("all cameras", totalBytes, globalQuotaBytes, targetBytes);
                }
            }
        }
        return new RetentionPlan(plan.deletions, plan.heldSegments, plan.shortfalls);
    }

    private static long lowWater(long quotaBytes, int percent) {
        return (long) (quotaBytes * (percent / 100.0));
    }

    /** One camera's segments, oldest first, and what they will take after the deletions chosen so far. */
    private static final class Cursor {
        final Iterator<Candidate> segments;
        long usedBytes;
        Candidate head;

        Cursor(CameraPolicy policy, Iterator<Candidate> segments) {
            this.segments = segments;
            this.usedBytes = policy.usedBytes();
        }

        Candidate peek() {
            if (head == null && segments.hasNext()) {
                head = segments.next();
            }
            return head;
        }
    }

    /** The plan being built. */
    private static final class Plan {
        final long recentLimitMillis;
        final Duration recentProtection;
        final List<HeldRange> holds;
        final List<Deletion> deletions = new ArrayList<>();
        final List<String> shortfalls = new ArrayList<>();
        long heldSegments;

        Plan(long recentLimitMillis, Duration recentProtection, List<HeldRange> holds) {
            this.recentLimitMillis = recentLimitMillis;
            this.recentProtection = recentProtection;
            this.holds = holds;
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
                if (deletable(c.peek()) && (oldest == null || c.peek().startMillis() < oldest.peek().startMillis())) {
                    oldest = c;
                }
            }
            return oldest;
        }

        void shortfall(String whose, long usedBytes, long quotaBytes, long targetBytes) {
            shortfalls.add(String.format(Locale.ROOT, "%s: %,d bytes stay over the %,d-byte low-water mark of the %,d-byte "
                    + "quota; the rest is held or recorded in the last %s", whose, usedBytes - targetBytes,
                    targetBytes, quotaBytes, recentProtection.toString().substring(2).toLowerCase(Locale.ROOT)));
        }
    }
}
