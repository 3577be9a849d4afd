package io.vigil.retention.schedule;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.retention.RetentionConfig;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Date;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the retention schedule at start-up and starts the scheduler: a cron trigger from {@code vigil.retention.cron}
 * (server time zone) on {@link RetentionJob}. The stored trigger is kept when its cron is unchanged since the
 * last start (its history and next fire time survive restarts) and replaced when it changed;
 * {@code vigil.retention.enabled=false} removes it. An invalid cron fails start-up naming {@code vigil.retention.cron}.
 *
 * <p>Misfires: do nothing. A fire missed by more than {@link ClusteredScheduler#MISFIRE_THRESHOLD_MILLIS}
 * (the service was down, or the previous run overran its period) is dropped and the trigger waits for its next
 * cron time. A run deletes everything due by then, so a missed run is made up by the next one at most a period
 * later; firing once at once instead would chain runs back to back whenever a run outlasts the period, and would
 * add a full run to every start-up after downtime, when the service is busy recovering its spool.
 */
@Singleton
public class RetentionSchedule {

    static final JobKey JOB = JobKey.jobKey("retention", "vigil");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("retention", "vigil");

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionConfig config;
    private final BeanProvider<ClusteredScheduler> schedulers;
    private final CronExpression cron;

    /** Checks the cron before the scheduler exists: a start-up that fails on it leaves no scheduler behind. */
    public RetentionSchedule(RetentionConfig config, BeanProvider<ClusteredScheduler> schedulers) {
        this.config = config;
        this.schedulers = schedulers;
        this.cron = parse(config.cron());
    }

    // Quartz's CronExpression takes a java.util.Date
    @SuppressWarnings("JavaUtilDate")
    static CronExpression parse(String expression) {
        String hint = "a Quartz cron expression with seconds, e.g. '0 */5 * * * ?' for every 5 minutes";
        if (expression == null || expression.isBlank()) {
            throw new ConfigurationException("vigil.retention.cron is empty: expected " + hint);
        }
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException e) {
            throw new ConfigurationException(
                    "vigil.retention.cron '" + expression + "' is invalid (" + e.getMessage() + "): expected " + hint,
                    e);
        }
        if (cron.getNextValidTimeAfter(new Date()) == null) {
            throw new ConfigurationException(
                    "vigil.retention.cron '" + expression + "' never fires again: expected " + hint);
        }
        return cron;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        ClusteredScheduler scheduler = schedulers.get();
        try {
            apply(scheduler);
        } catch (SchedulerException | RuntimeException e) {
            scheduler.close();
            throw new IllegalStateException(
                    "Cannot store the retention schedule in the job store: " + e.getMessage(), e);
        }
    }

    private void apply(ClusteredScheduler scheduler) throws SchedulerException {
        Scheduler quartz = scheduler.quartz();
        if (!config.enabled()) {
            boolean removed = quartz.deleteJob(JOB);
            if (removed) {
                // the job store is shared: this turns scheduled retention off for every node on this database
                LOG.warn(
                        "Scheduled retention is off (vigil.retention.enabled=false): the stored schedule is removed, for "
                                + "every node sharing this database");
            } else {
                LOG.info("Scheduled retention is off (vigil.retention.enabled=false)");
            }
            return;
        }
        JobDetail job = JobBuilder.newJob(RetentionJob.class)
                .withIdentity(JOB)
                .withDescription("retention run on vigil.retention.cron")
                .storeDurably()
                .build();
        CronTrigger wanted = TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
                .forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getDefault())
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        Trigger stored = quartz.getTrigger(TRIGGER);
        if (sameSchedule(stored, wanted) && quartz.getTriggerState(TRIGGER) != Trigger.TriggerState.ERROR) {
            quartz.addJob(job, true); // keeps the stored job's class name current; the trigger stays as it is
            LOG.info(
                    "Retention runs on cron '{}' ({}), as stored; next run at {}",
                    wanted.getCronExpression(),
                    wanted.getTimeZone().getID(),
                    stored.getNextFireTime());
        } else {
            quartz.scheduleJob(job, Set.of(wanted), true);
            if (stored instanceof CronTrigger old) {
                LOG.warn(
                        "Retention runs on cron '{}' ({}), replacing the stored '{}' ({}) for every node sharing this "
                                + "database; give all nodes the same vigil.retention.cron and time zone",
                        wanted.getCronExpression(),
                        wanted.getTimeZone().getID(),
                        old.getCronExpression(),
                        old.getTimeZone().getID());
            } else {
                LOG.info(
                        "Retention runs on cron '{}' ({}); next run at {}",
                        wanted.getCronExpression(),
                        wanted.getTimeZone().getID(),
                        wanted.getNextFireTime());
            }
        }
        scheduler.start();
    }

    private static boolean sameSchedule(Trigger stored, CronTrigger wanted) {
        return stored instanceof CronTrigger c
                && c.getJobKey().equals(wanted.getJobKey())
                && c.getCronExpression().equals(wanted.getCronExpression())
                && c.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && c.getMisfireInstruction() == wanted.getMisfireInstruction();
    }
}
