package io.vigil.retention.schedule;

import io.vigil.retention.RetentionTask;
import jakarta.inject.Singleton;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Builds Quartz's job instances from Micronaut beans instead of by reflection: each fire gets a
 * {@link RetentionJob} around the {@link RetentionTask} bean. Without a RetentionTask bean the service does
 * not start (Micronaut names the missing bean), rather than failing at the first fire.
 */
@Singleton
public class RetentionJobFactory implements JobFactory {

    private final RetentionTask task;

    public RetentionJobFactory(RetentionTask task) {
        this.task = task;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type != RetentionJob.class) {
            throw new SchedulerException(
                    "no job of type " + type.getName() + " in this service (stored by another version?)");
        }
        return new RetentionJob(task);
    }
}
