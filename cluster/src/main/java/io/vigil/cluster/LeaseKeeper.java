package io.vigil.cluster;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraChanged;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.RecordingControl;
import io.vigil.kernel.hook.SequenceReservations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The shell around {@link LeasePlanner}: every check interval it checks this node in, renews the leases it holds,
 * hands over and takes cameras as the plan says, and shows the other nodes' status reports for their cameras.
 *
 * <p>Sequence numbers: while it holds a lease a node keeps the row's floor {@link #SEQUENCE_HEADROOM} above its own
 * numbering, so a node taking over after a crash numbers above every segment the dead node may still have in its
 * spool; a clean hand-over writes the exact next number, so numbering goes on without a jump.
 *
 * <p>With {@code vigil.cluster.enabled}, a node that cannot renew stops recording a check interval before its
 * leases run out, so two nodes never record one camera.
 */
@Singleton
public class LeaseKeeper {

    /**
     * Sequence numbers a holder may use beyond the floor it last wrote. A lease lasts 20 s and a segment about 2 s,
     * but segments queued while start-up reconciliation runs are numbered in one burst: a wide margin costs only a
     * jump in numbering after a crash.
     */
    static final long SEQUENCE_HEADROOM = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final ClusterConfig config;
    private final String self;
    private final ClusterNodes nodes;
    private final CameraLeases leases;
    private final DatabaseTime time;
    private final CameraRepository cameras;
    private final RecordingControl recording;
    private final SequenceReservations sequences;
    private final CameraStatusBoard board;
    private final LeasedCameras leased;
    private final StatusReports reports;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lease-keeper"));
    /** Fences on its own thread: a check stuck in a database call that never returns must not delay it. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lease-watchdog"));
    private final String instanceId = java.util.UUID.randomUUID().toString();
    /** Each camera's definition at the last check, to notice changes made through other nodes. */
    private final Map<String, Camera> lastSeen = new HashMap<>();
    private boolean firstCheckIn = true;
    private boolean refused;
    private volatile boolean stopping;
    private boolean failing;
    private volatile long lastRenewedNanos = System.nanoTime();

    public LeaseKeeper(ClusterConfig config, NodeIdentity identity, ClusterNodes nodes, CameraLeases leases,
                       DatabaseTime time, CameraRepository cameras, RecordingControl recording,
                       SequenceReservations sequences, CameraStatusBoard board, LeasedCameras leased,
                       StatusReports reports, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.self = identity.nodeId();
        this.nodes = nodes;
        this.leases = leases;
        this.time = time;
        this.cameras = cameras;
        this.recording = recording;
        this.sequences = sequences;
        this.board = board;
        this.leased = leased;
        this.reports = reports;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        LOG.info("Node {}: taking camera leases ({} lease, checks every {}{})", self, config.leaseDuration(),
                config.checkInterval(), config.maxCameras() == null ? "" : ", at most " + config.maxCameras() + " cameras");
        check();
        long every = config.checkInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        if (config.enabled()) {
            long often = Math.max(50, every / 4);
            watchdog.scheduleWithFixedDelay(this::fenceIfSilent, often, often, TimeUnit.MILLISECONDS);
        }
    }

    /** A camera was added or changed: take (or hand back) its lease now rather than at the next check. */
    @EventListener
    public void onCameraChanged(CameraChanged event) {
        ticker.execute(this::check);
    }

    /** One check; never throws (a failure is retried at the next; the schedule must never die). */
    synchronized void check() {
        if (stopping) {
            return;
        }
        long startedNanos = System.nanoTime();
        try {
            Instant now = time.now();
            // a live process checks in every interval: one silent for three has crashed, and its id may be reused
            if (!nodes.checkIn(self, instanceId, config.advertisedUrl(), config.maxCameras(), now,
                    config.enabled() ? config.checkInterval().multipliedBy(3) : Duration.ZERO, firstCheckIn)) {
                if (!refused) {
                    LOG.error("Node {}: another running process checks in with this node id; this one records nothing "
                            + "until it stops. Give every node its own vigil.cluster.node-id", self);
                    refused = true;
                }
                return;
            }
            if (refused) {
                LOG.info("Node {}: the other process with this node id has gone; taking leases", self);
                refused = false;
            }
            firstCheckIn = false;
            Map<String, Camera> definitions = cameras.findAll().stream()
                    .collect(Collectors.toMap(Camera::id, c -> c));
            Set<String> enabled = definitions.values().stream().filter(Camera::enabled).map(Camera::id)
                    .collect(Collectors.toSet());
            List<LeaseView> rows = leases.all();
            Set<String> withRow = rows.stream().map(LeaseView::cameraId).collect(Collectors.toSet());
            if (!withRow.containsAll(enabled)) {
                leases.ensure(enabled, withRow);
                rows = leases.all();
            }
            LeasePlan plan = LeasePlanner.plan(self, now, config.leaseDuration(), nodes.all(), rows, enabled);
            renew(plan, now);
            lastRenewedNanos = startedNanos;
            resyncChanged(definitions);
            if (failing) {
                LOG.info("Node {}: the database answers again", self);
                failing = false;
            }
            for (String cameraId : plan.release()) {
                if (System.nanoTime() - startedNanos > config.leaseDuration().toNanos() / 4) {
                    break;          // the rest at the next check: this one must end well within its renewals
                }
                handOver(cameraId);
            }
            for (String cameraId : plan.renew()) {
                if (!leased.recordsHere(cameraId)) {
                    take(cameraId, now);       // still ours from before a restart
                }
            }
            plan.acquire().forEach(cameraId -> take(cameraId, now));
            // by this node's clock: shown as current until this node has missed a lease's worth of checks
            reports.showOthers(rows, enabled, now, leased::recordsHere, config.leaseDuration(), config.checkInterval(),
                    clock.instant().plus(config.leaseDuration()));
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("Node {}: cannot check in or renew camera leases: {}", self, e.getMessage());
                failing = true;
            }
        } catch (Throwable e) {
            LOG.error("Node {}: lease check failed", self, e);
        }
    }

    private void renew(LeasePlan plan, Instant now) {
        Map<String, CameraLeases.Renewal> renewals = new HashMap<>();
        List<String> held = new java.util.ArrayList<>(plan.renew());
        plan.release().stream().filter(leased::recordsHere).forEach(held::add);   // kept until handed over
        for (String cameraId : held) {
            renewals.put(cameraId, new CameraLeases.Renewal(sequences.nextSequenceNow(cameraId) + SEQUENCE_HEADROOM,
                    leased.recordsHere(cameraId) ? reports.publish(cameraId) : null));
        }
        for (String lost : leases.renew(self, now.plus(config.leaseDuration()), renewals)) {
            LOG.warn("Camera {}: another node holds its lease now; stopping here", lost);
            stopHere(lost);
        }
        for (String cameraId : leased.snapshot()) {
            if (plan.renew().contains(cameraId) || plan.release().contains(cameraId)) {
                continue;
            }
            if (retake(cameraId, now)) {
                LOG.warn("Camera {}: its lease ran out before this node renewed it (nobody took it; kept)", cameraId);
            } else {
                LOG.warn("Camera {}: its lease ran out before this node renewed it; stopping here", cameraId);
                stopHere(cameraId);
            }
        }
    }

    /**
     * Restarts the recorders of cameras whose definition changed since the last check: another node's API or
     * cameras file changes the shared row, and only the node that made the change hears its event.
     */
    private void resyncChanged(Map<String, Camera> definitions) {
        for (String cameraId : leased.snapshot()) {
            Camera now = definitions.get(cameraId);
            if (now == null || !now.equals(lastSeen.get(cameraId))) {
                recording.sync(cameraId);
            }
        }
        lastSeen.keySet().retainAll(definitions.keySet());
        lastSeen.putAll(definitions);
    }

    /** Takes back a lease that expired while this node went on recording (no other node took it). */
    private boolean retake(String cameraId, Instant now) {
        OptionalLong floor = leases.acquire(cameraId, self, now, now.plus(config.leaseDuration()));
        floor.ifPresent(f -> sequences.claimSequences(cameraId, f));
        return floor.isPresent();
    }

    private void take(String cameraId, Instant now) {
        OptionalLong floor = leases.acquire(cameraId, self, now, now.plus(config.leaseDuration()));
        if (floor.isEmpty()) {
            return;
        }
        sequences.claimSequences(cameraId, floor.getAsLong());
        leased.add(cameraId);
        board.dropRemote(cameraId);
        recording.sync(cameraId);
        LOG.info("Camera {}: lease acquired by node {}; recording here", cameraId, self);
    }

    /**
     * Stops recording, waits for the last segment to be numbered, and releases the lease with the exact floor. The
     * waits are bounded by a quarter lease, so a check never outlasts the leases it renewed; a recorder slower than
     * that leaves its lease to expire (the next holder then numbers above the reservation).
     */
    private void handOver(String cameraId) {
        leased.remove(cameraId);
        long waitMillis = config.leaseDuration().toMillis() / 4;
        try {
            recording.sync(cameraId);
            recording.stopped(cameraId).get(waitMillis, TimeUnit.MILLISECONDS);
            long next = sequences.nextSequence(cameraId);
            if (leases.release(cameraId, self, next)) {
                LOG.info("Camera {}: handed over by node {} (next sequence {})", cameraId, self, next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Camera {}: hand-over failed ({}); its lease will expire instead", cameraId, e.getMessage());
        }
    }

    private void stopHere(String cameraId) {
        if (leased.remove(cameraId)) {
            recording.sync(cameraId);
        }
    }

    /**
     * Out of touch with the database for nearly a lease (the last renewal began a lease minus a check interval
     * ago): stop recording before another node may take over. Touches neither the database nor the check's lock.
     */
    private void fenceIfSilent() {
        Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewedNanos);
        if (stopping || silent.compareTo(config.leaseDuration().minus(config.checkInterval())) < 0) {
            return;
        }
        Set<String> held = leased.snapshot();
        if (held.isEmpty()) {
            return;
        }
        LOG.error("Node {}: no lease renewal for {} ms: stopping its {} camera(s) so that no two nodes record one camera",
                self, silent.toMillis(), held.size());
        for (String cameraId : held) {
            leased.remove(cameraId);
            recording.stopNow(cameraId);
            board.report(cameraId, CameraStatus.State.OFFLINE, "not recorded by node " + self
                    + ": it lost contact with the database and gave up its lease");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A clean stop: every recorder stores its last segment, then each lease is released with its exact floor. */
    @EventListener
    public void onShutdown(ShutdownEvent event) {
        ticker.shutdown();
        watchdog.shutdown();
        synchronized (this) {
            stopping = true;
            recording.stopAll();
            Set<String> held = leased.snapshot();
            for (String cameraId : held) {
                leased.remove(cameraId);
                if (!recording.stopped(cameraId).isDone()) {
                    LOG.warn("Camera {}: its recorder did not stop in time; its lease expires in {}", cameraId,
                            config.leaseDuration());
                    continue;
                }
                try {
                    leases.release(cameraId, self, sequences.nextSequence(cameraId));
                } catch (RuntimeException e) {
                    LOG.warn("Camera {}: could not release its lease ({}); it expires in {}", cameraId, e.getMessage(),
                            config.leaseDuration());
                }
            }
            try {
                nodes.stopped(self, instanceId, time.now());
            } catch (RuntimeException e) {
                LOG.warn("Node {}: could not record its stop: {}", self, e.getMessage());
            }
            LOG.info("Node {}: stopped; handed over {} camera(s)", self, held.size());
        }
    }
}
