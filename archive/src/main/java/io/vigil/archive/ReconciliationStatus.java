package io.vigil.archive;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Where the start-up reconciliation is. Until it has succeeded no segment is numbered: a number taken from the
 * index alone could be that of an object a crash left in the store without its row. Read by the writer (to
 * number or wait), {@code /health} and camera status.
 */
@Singleton
public class ReconciliationStatus {

    /** The reconciliation's phase. */
    public enum Phase {
        /** Not started yet. */
        PENDING,
        /** A pass is running. */
        RUNNING,
        /** A pass succeeded: segments are numbered. */
        DONE,
        /** The last pass failed (store or index unreachable); retried with backoff, segments wait unnumbered. */
        FAILED
    }

    /**
     * @param phase    where it is
     * @param since    when it entered that phase
     * @param attempts passes started so far
     * @param error    why the last pass failed (FAILED only), without secrets
     */
    @Serdeable
    public record Progress(Phase phase, Instant since, int attempts, String error) {
        public Progress {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(since, "since");
        }
    }

    private final Clock clock;
    private final CompletableFuture<Map<String, Long>> done = new CompletableFuture<>();
    private volatile Progress progress;

    public ReconciliationStatus(Clock clock) {
        this.clock = clock;
        this.progress = new Progress(Phase.PENDING, clock.instant(), 0, null);
    }

    public Progress progress() {
        return progress;
    }

    public boolean done() {
        return done.isDone();
    }

    /** Completed once a pass succeeded, with each reconciled camera's highest sequence number found in the store. */
    public CompletableFuture<Map<String, Long>> whenDone() {
        return done;
    }

    synchronized void running() {
        progress = new Progress(Phase.RUNNING, clock.instant(), progress.attempts() + 1, null);
    }

    synchronized void failed(String error) {
        progress = new Progress(Phase.FAILED, clock.instant(), progress.attempts(), error);
    }

    synchronized void succeeded(Map<String, Long> highestStored) {
        progress = new Progress(Phase.DONE, clock.instant(), progress.attempts(), null);
        done.complete(Map.copyOf(highestStored));
    }

    /** What camera status says while segments wait for numbering. */
    public String waitingMessage() {
        Progress v = progress;
        return "segments wait unnumbered in the spool until the start-up reconciliation succeeds (" + v.phase()
                + (v.error() == null ? "" : ": " + v.error()) + ")";
    }
}
