package io.vigil.retention;

import io.vigil.kernel.hook.GlobalQuota;
import jakarta.inject.Singleton;
import java.util.OptionalLong;

/** The {@link GlobalQuota} hook: the global quota retention keeps to, {@code vigil.retention.max-bytes}. */
@Singleton
public class RetentionGlobalQuota implements GlobalQuota {

    private final RetentionConfig config;

    public RetentionGlobalQuota(RetentionConfig config) {
        this.config = config;
    }

    @Override
    public OptionalLong maxBytes() {
        long bytes = config.globalQuotaBytes();
        return bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
    }
}
