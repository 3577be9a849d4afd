package io.vigil.retention;

/**
 * One retention run: plan what the policy allows to delete and delete it. The Quartz job calls it on
 * {@code retention.cron}; the job store guarantees two runs never overlap, on one node or several.
 */
public interface RetentionTask {

    /** Runs retention once; {@code trigger} says why (e.g. {@code SCHEDULE}, {@code API}) for the run record. */
    void run(String trigger);
}
