package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.archive.read.StoredFootage;
import java.time.Instant;

/**
 * What a stream's footage takes and how long its quota lasts, as the cameras page shows it ({@code storage} of a
 * stream in {@code GET /api/cameras}; {@code GET /api/storage} for every camera together).
 *
 * @param usedBytes        bytes of its stored segments (0 when none)
 * @param footageMillis    the footage they encode
 * @param oldest           the UTC minute its oldest stored footage starts in, or null when none is stored
 * @param bytesPerSecond   the rate it records at now (the status's bit rate of the last minute), or null when not
 *                         recording
 * @param quotaFullAt      when its quota is reached at that rate (now when it is), or null: no quota, no rate, or
 *                         beyond the {@link QuotaForecast#HORIZON}
 * @param quotaKeepsMillis the footage its whole quota holds at that rate, or null: no quota or no rate
 */
@Serdeable
public record StreamStorage(
        long usedBytes,
        long footageMillis,
        @Nullable Instant oldest,
        @Nullable Long bytesPerSecond,
        @Nullable Instant quotaFullAt,
        @Nullable Long quotaKeepsMillis) {

    /**
     * @param stored  what the archive holds of the stream, or null when nothing
     * @param kbps    the stream's bit rate now (kbit/s), or null
     * @param maxBytes its quota, or null
     */
    public static StreamStorage of(
            @Nullable StoredFootage stored, @Nullable Integer kbps, @Nullable Long maxBytes, Instant now) {
        long used = stored == null ? 0 : stored.sizeBytes();
        Long rate = kbps == null || kbps <= 0 ? null : kbps * 1000L / 8;
        QuotaForecast forecast = QuotaForecast.of(maxBytes == null ? 0 : maxBytes, used, rate == null ? 0 : rate, now)
                .orElse(null);
        return new StreamStorage(
                used,
                stored == null ? 0 : stored.durationMillis(),
                stored == null ? null : stored.oldestMinute(),
                rate,
                forecast == null ? null : forecast.fullAt(),
                forecast == null ? null : forecast.keepsMillis());
    }
}
