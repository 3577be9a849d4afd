package io.vigil.archive.spool;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local spool every finished segment passes through before the object store has it.
 *
 * @param directory     where spooled segments live
 * @param maxBytes      bound of the spool; past it the oldest unsent segment is dropped
 * @param fsync         fsync each spooled segment (survives power loss, not only a killed process)
 * @param retryInitial  first delay before retrying the store after a failure
 * @param retryMax      longest delay between retries
 * @param recoveryWindow how far back start-up reconciliation compares the index with the store
 * @param cacheBytes    media bytes of the newest spooled segments (at most 2 per camera) also kept in memory, so the
 *                      upload need not read their files back (the spool cache); 0 keeps none
 */
@ConfigurationProperties("vigil.spool")
public record SpoolConfig(
        @Bindable(defaultValue = "data/spool") Path directory,
        @Bindable(defaultValue = "2147483648") long maxBytes,
        @Bindable(defaultValue = "false") boolean fsync,
        @Bindable(defaultValue = "1s") Duration retryInitial,
        @Bindable(defaultValue = "30s") Duration retryMax,
        @Bindable(defaultValue = "2h") Duration recoveryWindow,
        @Bindable(defaultValue = "67108864") long cacheBytes) {

    public SpoolConfig {
        if (maxBytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException("vigil.spool.max-bytes must be at least 16 MiB");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("vigil.spool.retry-initial must be > 0 and <= vigil.spool.retry-max");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("vigil.spool.cache-bytes must be >= 0");
        }
    }
}
