package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a quota lasts at the current rate (glossary: quota forecast), pure: when the footage kept reaches the
 * quota if the stream (or every stream, for the global quota) goes on recording at {@code bytesPerSecond}, and how
 * much footage the quota holds at that rate, which is how far back retention will then keep footage (unless a
 * camera's retention days are shorter).
 *
 * @param fullAt      when the quota is reached: now when it already is; null when that is more than
 *                    {@link #HORIZON} away
 * @param keepsMillis the footage the whole quota holds at this rate, at most {@link #HORIZON}
 */
public record QuotaForecast(@Nullable Instant fullAt, long keepsMillis) {

    /** Forecasts reach this far at most: beyond it the rate of today says nothing. */
    public static final Duration HORIZON = Duration.ofDays(100 * 365);

    /**
     * @param quotaBytes     the quota; 0 or less: none
     * @param usedBytes      what the footage takes now
     * @param bytesPerSecond the rate it grows at now; 0 or less (not recording, or not measured yet): no forecast
     * @return empty without a quota or a rate
     */
    public static Optional<QuotaForecast> of(long quotaBytes, long usedBytes, double bytesPerSecond, Instant now) {
        if (quotaBytes <= 0 || !(bytesPerSecond > 0)) {
            return Optional.empty();
        }
        long keeps = millis(quotaBytes / bytesPerSecond);
        if (usedBytes >= quotaBytes) {
            return Optional.of(new QuotaForecast(now, keeps));
        }
        long untilFull = millis((quotaBytes - usedBytes) / bytesPerSecond);
        Instant fullAt = untilFull >= HORIZON.toMillis() ? null : now.plusMillis(untilFull);
        return Optional.of(new QuotaForecast(fullAt, keeps));
    }

    private static long millis(double seconds) {
        return (long) Math.min(Math.ceil(seconds * 1000), HORIZON.toMillis());
    }
}
