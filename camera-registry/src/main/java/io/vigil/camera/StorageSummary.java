package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.archive.read.StoredFootage;
import java.time.Instant;
import java.util.Collection;

/**
 * What every camera's footage takes together and how long the global quota lasts at the rate every recording stream
 * adds to it now ({@code GET /api/storage}).
 *
 * @param usedBytes        bytes of every stored segment
 * @param maxBytes         the global quota, or null when there is none
 * @param quota            the same as an installer writes it ({@code 2TB}), or null
 * @param bytesPerSecond   the rate every recording stream adds together, now
 * @param quotaFullAt      when the global quota is reached at that rate (now when it is), or null: no quota, nothing
 *                         recording, or beyond the {@link QuotaForecast#HORIZON}
 * @param quotaKeepsMillis the footage the whole global quota holds at that rate, or null
 */
@Serdeable
public record StorageSummary(
        long usedBytes,
        @Nullable Long maxBytes,
        @Nullable String quota,
        long bytesPerSecond,
        @Nullable Instant quotaFullAt,
        @Nullable Long quotaKeepsMillis) {

    /** @param rates the bit rate (kbit/s) of each recording stream */
    public static StorageSummary of(
            Collection<StoredFootage> stored, Collection<Integer> rates, @Nullable Long maxBytes, Instant now) {
        long used = stored.stream().mapToLong(StoredFootage::sizeBytes).sum();
        long rate = rates.stream().mapToLong(kbps -> kbps * 1000L / 8).sum();
        QuotaForecast forecast = QuotaForecast.of(maxBytes == null ? 0 : maxBytes, used, rate, now)
                .orElse(null);
        return new StorageSummary(
                used,
                maxBytes,
                CameraView.quota(maxBytes),
                rate,
                forecast == null ? null : forecast.fullAt(),
                forecast == null ? null : forecast.keepsMillis());
    }
}
