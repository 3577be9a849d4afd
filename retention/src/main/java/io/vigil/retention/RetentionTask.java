package io.vigil.retention;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One retention run: plan what the policy allows to delete and delete it. The Quartz job calls it on
 * {@code vigil.retention.cron}; the job store guarantees two runs never overlap, on one node or several.
 */
public interface RetentionTask {

    /**
     * Runs retention once; {@code trigger} says why (e.g. {@code SCHEDULE}, {@code API}) and {@code scheduledFor}
     * which firing it is (null when not scheduled), for the run record.
     */
    void run(String trigger, @Nullable Instant scheduledFor);
}
