package io.vigil.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vigil.retention.plan.PlanLimits;
import java.time.Duration;

/**
 * Retention settings ({@code vigil.retention.*}; environment variables such as {@code VIGIL_RETENTION_MAX_BYTES} and
 * {@code VIGIL_RETENTION_CRON} work as usual).
 *
 * @param defaultDays     days a camera's segments are kept unless the camera says otherwise
 * @param cron            Quartz cron expression of the retention run (default: every 5 minutes)
 * @param maxBytes        global quota over every camera's segments; null or 0 for none
 * @param lowWaterPercent a run over a quota deletes until usage is at most this percentage of it
 * @param batchSize       object keys deleted per request to the store (S3 allows at most 1000)
 * @param enabled         false stops scheduled runs (preview and manual runs still work)
 * @param recentProtection quotas never delete footage that started this recently (a live viewer may watch it)
 * @param maxSegmentsPerRun a run deletes at most this many segments; the next run goes on
 */
@ConfigurationProperties("vigil.retention")
public record RetentionConfig(
        @Bindable(defaultValue = "30") int defaultDays,
        @Bindable(defaultValue = "0 */5 * * * ?") String cron,
        @Nullable Long maxBytes,
        @Bindable(defaultValue = "90") int lowWaterPercent,
        @Bindable(defaultValue = "1000") int batchSize,
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10m") Duration recentProtection,
        @Bindable(defaultValue = "100000") int maxSegmentsPerRun) {

    public RetentionConfig {
        if (defaultDays < 1) {
            throw new IllegalArgumentException("vigil.retention.default-days must be >= 1");
        }
        if (maxBytes != null && maxBytes < 0) {
            throw new IllegalArgumentException("vigil.retention.max-bytes must be >= 0");
        }
        if (lowWaterPercent < 1 || lowWaterPercent > 100) {
            throw new IllegalArgumentException("vigil.retention.low-water-percent must be 1..100");
        }
        if (recentProtection.isNegative()) {
            throw new IllegalArgumentException("vigil.retention.recent-protection must not be negative");
        }
        if (maxSegmentsPerRun < 1) {
            throw new IllegalArgumentException("vigil.retention.max-segments-per-run must be >= 1");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException(
                    "vigil.retention.batch-size must be 1..1000 (the S3 limit per delete request)");
        }
    }

    /** What the planner obeys. */
    public PlanLimits planLimits() {
        return new PlanLimits(globalQuotaBytes(), lowWaterPercent, recentProtection, maxSegmentsPerRun);
    }

    /** The global quota in bytes, or 0 when there is none. */
    public long globalQuotaBytes() {
        return maxBytes == null ? 0 : maxBytes;
    }
}
