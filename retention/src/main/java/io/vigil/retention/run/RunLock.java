package io.vigil.retention.run;

import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.database.Database;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One retention run at a time in the whole cluster: Quartz keeps scheduled runs apart, and this row
 * ({@code retention_lock}) also keeps a run started through the API on one node from overlapping a run on another.
 * Held for {@link #HELD_FOR} and renewed every {@link #RENEW_EVERY} while the run goes on, so a node that dies
 * mid-run blocks retention for at most that long.
 */
@Singleton
public class RunLock {

    /** How a refusal because another run holds the lock begins: not a fault, the other run does the work. */
    public static final String BUSY = "another retention run is in progress";

    static final Duration HELD_FOR = Duration.ofMinutes(5);
    static final Duration RENEW_EVERY = Duration.ofSeconds(30);

    private final Database db;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention-lock");
        t.setDaemon(true);
        return t;
    });

    public RunLock(Database db, NodeIdentity node, Clock clock) {
        this.db = db;
        this.node = node.nodeId();
        this.clock = clock;
    }

    /** Takes the lock for a run, renewed until the returned handle is closed; empty while another node holds it. */
    public Optional<Held> take() {
        long now = clock.millis();
        int taken = db.update(
                "UPDATE retention_lock SET node_id = ?, expires_millis = ? WHERE id = 1 "
                        + "AND (node_id IS NULL OR node_id = ? OR expires_millis <= ?)",
                node,
                now + HELD_FOR.toMillis(),
                node,
                now);
        if (taken == 0) {
            return Optional.empty();
        }
        ScheduledFuture<?> renewal = renewer.scheduleWithFixedDelay(
                this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(new Held(renewal));
    }

    /** The node holding the lock now, if any. */
    public Optional<String> holder() {
        return db
                .query(
                        "SELECT node_id FROM retention_lock WHERE id = 1 AND node_id IS NOT NULL AND expires_millis > ?",
                        rs -> rs.getString(1),
                        clock.millis())
                .stream()
                .findFirst();
    }

    private void renew() {
        try {
            db.update(
                    "UPDATE retention_lock SET expires_millis = ? WHERE id = 1 AND node_id = ?",
                    clock.millis() + HELD_FOR.toMillis(),
                    node);
        } catch (RuntimeException e) {
            // the next renewal tries again; the lock outlives a few failures
        }
    }

    /** A held lock: closing it stops the renewals and releases it. */
    public final class Held implements AutoCloseable {
        private final ScheduledFuture<?> renewal;

        private Held(ScheduledFuture<?> renewal) {
            this.renewal = renewal;
        }

        @Override
        public void close() {
            renewal.cancel(false);
            db.update(
                    "UPDATE retention_lock SET node_id = NULL, expires_millis = 0 WHERE id = 1 AND node_id = ?", node);
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }
}
