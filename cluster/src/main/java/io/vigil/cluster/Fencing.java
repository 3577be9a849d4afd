package io.vigil.cluster;

import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.RecordingControl;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fencing: with {@code vigil.cluster.enabled}, a node out of touch with the database for nearly a lease (its last
 * renewal began a lease minus a check interval ago) stops recording every camera before another node may take
 * them over, so two nodes never record one camera. Off on a single node, which records on through an outage.
 *
 * <p>Thread: runs on its own thread, the {@code lease-watchdog}, because a check stuck in a database call that never
 * returns must not delay it. It touches neither the database nor {@link LeaseKeeper}'s lock: it shares only
 * {@link LeasedCameras} (a concurrent set) and the volatile start of the last renewal, which the check writes.
 */
@Singleton
public class Fencing {

    private static final Logger LOG = LoggerFactory.getLogger(Fencing.class);

    private final ClusterConfig config;
    private final String self;
    private final LeasedCameras leased;
    private final RecordingControl recording;
    private final CameraStatusBoard board;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService watchdog = LeaseKeeper.ownThread("lease-watchdog");
    private volatile long lastRenewedNanos;
    private volatile boolean stopped;

    @Inject
    public Fencing(
            ClusterConfig config,
            NodeIdentity identity,
            LeasedCameras leased,
            RecordingControl recording,
            CameraStatusBoard board) {
        this(config, identity, leased, recording, board, System::nanoTime);
    }

    /** With {@code nanoTime} standing in for {@link System#nanoTime()}. */
    Fencing(
            ClusterConfig config,
            NodeIdentity identity,
            LeasedCameras leased,
            RecordingControl recording,
            CameraStatusBoard board,
            LongSupplier nanoTime) {
        this.config = config;
        this.self = identity.nodeId();
        this.leased = leased;
        this.recording = recording;
        this.board = board;
        this.nanoTime = nanoTime;
        this.lastRenewedNanos = nanoTime.getAsLong();
    }

    /** Starts the watchdog, in a cluster only: it looks four times a check interval (at least 50 ms apart). */
    // a periodic job nobody waits for; fenceIfSilent does no I/O
    @SuppressWarnings("FutureReturnValueIgnored")
    void start() {
        if (config.enabled()) {
            long often = Math.max(50, config.checkInterval().toMillis() / 4);
            watchdog.scheduleWithFixedDelay(this::watch, often, often, TimeUnit.MILLISECONDS);
        }
    }

    /** A renewal that began at {@code startedNanos} (by {@link System#nanoTime()}) has succeeded. */
    void renewed(long startedNanos) {
        lastRenewedNanos = startedNanos;
    }

    /** For a clean stop: the watchdog fences no more. */
    void stop() {
        watchdog.shutdown();
        stopped = true;
    }

    /** One look of the watchdog: nothing it meets may end it, since a scheduled task that throws never runs again. */
    private void watch() {
        try {
            fenceIfSilent();
        } catch (RuntimeException e) {
            LOG.error("Node {}: the fencing watchdog failed a look and looks again: {}", self, e.toString(), e);
        }
    }

    /** Stops recording every camera this node holds if its last renewal began a lease minus a check interval ago. */
    void fenceIfSilent() {
        Duration silent = Duration.ofNanos(nanoTime.getAsLong() - lastRenewedNanos);
        if (stopped || silent.compareTo(config.leaseDuration().minus(config.checkInterval())) < 0) {
            return;
        }
        Set<String> held = leased.snapshot();
        if (held.isEmpty()) {
            return;
        }
        LOG.error(
                "Node {}: no lease renewal for {} ms: stopping its {} camera(s) so that no two nodes record one camera",
                self,
                silent.toMillis(),
                held.size());
        for (String cameraId : held) {
            leased.remove(cameraId);
            try {
                recording.stopNow(cameraId);
            } catch (RuntimeException e) { // the other cameras are fenced all the same
                LOG.error("Node {}: camera {} could not be stopped at once: {}", self, cameraId, e.toString(), e);
            }
            board.report(
                    cameraId,
                    CameraStatus.State.OFFLINE,
                    "not recorded by node " + self + ": it lost contact with the database and gave up its lease");
        }
    }
}
