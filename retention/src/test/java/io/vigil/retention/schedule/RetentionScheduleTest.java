package io.vigil.retention.schedule;

import static io.vigil.retention.schedule.ScheduledService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/** The retention schedule in a running service context, on the Quartz job store in its H2 database. */
@org.junit.jupiter.api.Tag(io.vigil.kernel.database.TestDatabase.TAG)
class RetentionScheduleTest {

    static final String EVERY_SECOND = "* * * * * ?";

    @TempDir
    Path work;

    private final String database = io.vigil.kernel.database.TestDatabase.freshUrl();

    private ScheduledService start(Map<String, Object> properties) {
        return ScheduledService.start(work, database, properties);
    }

    @Test
    void firesOnItsCronInARunningService() throws Exception {
        try (ScheduledService service =
                start(Map.of("vigil.retention.cron", EVERY_SECOND, "vigil.test.retention-run-millis", 0))) {
            RecordingTask task = service.task();
            await(Duration.ofSeconds(20), "3 scheduled runs", () -> task.runs().size() >= 3);
            assertTrue(
                    task.runs().stream().allMatch(r -> r.trigger().equals("SCHEDULE")),
                    task.runs().toString());
        }
    }

    /** Runs of 2.5 s on a 1 s cron: one at a time, and the fires they overran are dropped, not caught up on. */
    @Test
    void runsNeverOverlapAndOverrunFiresDoNotPileUp() throws Exception {
        try (ScheduledService service =
                start(Map.of("vigil.retention.cron", EVERY_SECOND, "vigil.test.retention-run-millis", 2500))) {
            List<Long> lateness = new CopyOnWriteArrayList<>();
            service.scheduler().quartz().getListenerManager().addTriggerListener(new TriggerListenerSupport() {
                @Override
                public String getName() {
                    return "lateness";
                }

                // Quartz reports fire times as java.util.Date
                @SuppressWarnings("JavaUtilDate")
                @Override
                public void triggerFired(Trigger trigger, JobExecutionContext context) {
                    lateness.add(context.getFireTime().getTime()
                            - context.getScheduledFireTime().getTime());
                }
            });
            RecordingTask task = service.task();
            await(Duration.ofSeconds(40), "4 runs", () -> task.runs().size() >= 4);
            List<RecordingTask.Run> runs = task.runs();
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(!runs.get(i).start().isBefore(runs.get(i - 1).end()), "overlapping runs: " + runs);
            }
            assertEquals(1, task.mostInFlight());
            // Caught-up fires would be ever later (1.5 s, 3 s, 4.5 s...); dropped ones leave each fire on time.
            assertTrue(lateness.size() >= 3, "fires seen: " + lateness);
            assertTrue(lateness.stream().allMatch(ms -> ms < 2000), "fire lateness in ms: " + lateness);
        }
    }

    @Test
    void anInvalidCronFailsStartUpNamingTheSetting() {
        Exception e = assertThrows(
                Exception.class,
                () -> start(Map.of("vigil.retention.cron", "every 5 minutes", "vigil.test.retention-run-millis", 0))
                        .close());
        assertTrue(messages(e).contains("vigil.retention.cron 'every 5 minutes' is invalid"), messages(e));
    }

    @Test
    void theScheduleSurvivesARestartAndAChangedCronReplacesIt() throws Exception {
        CronTrigger first;
        try (ScheduledService service =
                start(Map.of("vigil.retention.cron", EVERY_SECOND, "vigil.test.retention-run-millis", 0))) {
            await(Duration.ofSeconds(20), "a run", () -> !service.task().runs().isEmpty());
            first = storedTrigger(service);
        }
        try (ScheduledService service =
                start(Map.of("vigil.retention.cron", EVERY_SECOND, "vigil.test.retention-run-millis", 0))) {
            CronTrigger kept = storedTrigger(service);
            assertEquals(first.getStartTime(), kept.getStartTime(), "the stored trigger was kept, not replaced");
            await(
                    Duration.ofSeconds(20),
                    "a run after the restart",
                    () -> !service.task().runs().isEmpty());
        }
        try (ScheduledService service =
                start(Map.of("vigil.retention.cron", "0 0 3 * * ?", "vigil.test.retention-run-millis", 0))) {
            CronTrigger changed = storedTrigger(service);
            assertEquals("0 0 3 * * ?", changed.getCronExpression());
            assertNotEquals(first.getStartTime(), changed.getStartTime());
        }
        try (ScheduledService service =
                start(Map.of("vigil.retention.enabled", false, "vigil.test.retention-run-millis", 0))) {
            assertNull(service.scheduler().quartz().getTrigger(RetentionSchedule.TRIGGER));
            assertNull(service.scheduler().quartz().getJobDetail(RetentionSchedule.JOB));
        }
    }

    private static CronTrigger storedTrigger(ScheduledService service) throws Exception {
        CronTrigger trigger = (CronTrigger) service.scheduler().quartz().getTrigger(RetentionSchedule.TRIGGER);
        assertNotNull(trigger, "no stored retention trigger");
        return trigger;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
