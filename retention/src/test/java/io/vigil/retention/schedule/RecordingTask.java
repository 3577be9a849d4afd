package io.vigil.retention.schedule;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vigil.retention.RetentionTask;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the real retention run in tests (only with {@code vigil.test.retention-run-millis} set, in the test
 * environment): records when each run started and ended, and takes {@code run-millis} to do it.
 */
@Singleton
@Replaces(RetentionTask.class)
@Requires(env = "test")
@Requires(property = "vigil.test.retention-run-millis")
class RecordingTask implements RetentionTask {

    record Run(String trigger, Instant start, Instant end) {}

    private final long runMillis;
    private final List<Run> runs = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    RecordingTask(@Value("${vigil.test.retention-run-millis}") long runMillis) {
        this.runMillis = runMillis;
    }

    @Override
    public void run(String trigger, Instant scheduledFor) {
        Instant start = Instant.now();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(runMillis); // the run's work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            synchronized (runs) {
                runs.add(new Run(trigger, start, Instant.now()));
            }
        }
    }

    List<Run> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    int mostInFlight() {
        return mostInFlight.get();
    }
}
