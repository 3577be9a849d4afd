package io.vigil.retention.schedule;

import io.vigil.retention.RetentionTask;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind {@code vigil.retention.cron}: one scheduled retention run. {@link DisallowConcurrentExecution}
 * makes the clustered job store block the trigger while a run is in flight on any node, so runs never overlap.
 * A failed run is logged and left to the next fire time (no refire: the next run covers whatever this one missed).
 */
@DisallowConcurrentExecution
public final class RetentionJob implements InterruptableJob {

    /** What the run record says started a scheduled run. */
    public static final String TRIGGER = "SCHEDULE";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionTask task;
    private volatile Thread runner;

    RetentionJob(RetentionTask task) {
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner = Thread.currentThread();
        try {
            task.run(
                    TRIGGER,
                    context.getScheduledFireTime() == null
                            ? null
                            : context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            LOG.error("Scheduled retention run failed; the next one is due at {}", context.getNextFireTime(), e);
        } finally {
            runner = null;
        }
    }

    /** Called when the service stops while a run outlasts the shutdown wait. */
    @Override
    public void interrupt() {
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }
}
