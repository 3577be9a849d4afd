package io.vigil.retention.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings a retention plan obeys.
 *
 * @param globalQuotaBytes quota over all cameras; 0 for none
 * @param lowWaterPercent  a quota run deletes until usage is at most this percentage of the quota
 * @param recentProtection quotas never delete segments that started this recently
 * @param maxDeletions     at most this many deletions per run (the next run goes on), so a first run over an
 *                         archive years old neither holds millions of rows in memory nor runs for hours
 */
public record PlanLimits(long globalQuotaBytes, int lowWaterPercent, Duration recentProtection, int maxDeletions) {

    public PlanLimits {
        Objects.requireNonNull(recentProtection, "recentProtection");
        if (globalQuotaBytes < 0 || lowWaterPercent < 1 || lowWaterPercent > 100 || maxDeletions < 1) {
            throw new IllegalArgumentException("invalid plan limits: " + globalQuotaBytes + " bytes, " + lowWaterPercent
                    + " %, " + maxDeletions + " deletions");
        }
    }
}
