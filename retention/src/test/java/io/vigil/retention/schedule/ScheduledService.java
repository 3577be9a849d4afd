package io.vigil.retention.schedule;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A running service context for retention tests: its own H2 database, objects, spool and cameras file under {@code work}. */
final class ScheduledService implements AutoCloseable {

    final ApplicationContext context;

    private ScheduledService(ApplicationContext context) {
        this.context = context;
    }

    /** Starts a context on the database at {@code database} (a {@code TestDatabase.freshUrl()}, kept between contexts). */
    static ScheduledService start(Path work, String database, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of(
                "datasources.default.url", database,
                "vigil.storage.embedded-directory", work.resolve("objects").toString(),
                "vigil.spool.directory", work.resolve("spool").toString(),
                "vigil.cameras.file", work.resolve("cameras.yml").toString()));
        all.putAll(properties);
        return new ScheduledService(ApplicationContext.run(all, "test"));
    }

    RecordingTask task() {
        return context.getBean(RecordingTask.class);
    }

    ClusteredScheduler scheduler() {
        return context.getBean(ClusteredScheduler.class);
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
