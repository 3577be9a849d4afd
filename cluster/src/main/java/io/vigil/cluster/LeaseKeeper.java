package io.vigil.cluster;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.NodeIdentity;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraChanged;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.recorder.RecorderSupervisor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    /** Sequence numbers a holder may use beyond the floor it last wrote (a lease lasts 20 s, a segment 2 s). */
    static final long SEQUENCE_HEADROOM = 64;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final int MAX_STATUS_CHARS = 4000;

    private final ClusterConfig config;
    private final String self;
    private final ClusterNodes nodes;
    private final CameraLeases leases;
    private final DatabaseTime time;
    private final CameraRepository cameras;
    private final RecorderSupervisor supervisor;
    private final ArchiveWriter archive;
    private final CameraStatusBoard board;
    private final LeasedCameras leased;
    private final ObjectMapper json;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lease-keeper");
        t.setDaemon(true);
        return t;
    });
    private boolean firstCheckIn = true;
    private boolean stopping;
    private boolean failing;
    private long lastRenewedNanos = System.nanoTime();

    public LeaseKeeper(ClusterConfig config, NodeIdentity identity, ClusterNodes nodes, CameraLeases leases,
                       DatabaseTime time, CameraRepository cameras, RecorderSupervisor supervisor, ArchiveWriter archive,
                       CameraStatusBoard board, LeasedCameras leased, ObjectMapper json) {
        this.config = config;
        this.self = identity.nodeId();
        this.nodes = nodes;
        this.leases = leases;
        this.time = time;
        this.cameras = cameras;
        this.supervisor = supervisor;
        this.archive = archive;
        this.board = board;
        this.leased = leased;
        this.json = json;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        LOG.info("Node {}: taking camera leases ({} lease, checks every {}{})", self, config.leaseDuration(),
                config.checkInterval(), config.maxCameras() == null ? "" : ", at most " + config.maxCameras() + " cameras");
        check();
        long every = config.checkInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** A camera was added or changed: take (or hand back) its lease now rather than at the next check. */
    @EventListener
    public void onCameraChanged(CameraChanged event) {
        ticker.execute(this::check);
    }

    /** One check; never throws (a failure is retried at the next). */
    synchronized void check() {
        if (stopping) {
            return;
        }
        long startedNanos = System.nanoTime();
        try {
            Instant now = time.now();
            nodes.checkIn(self, config.advertisedUrl(), config.maxCameras(), now, firstCheckIn);
            firstCheckIn = false;
            Set<String> enabled = cameras.findAll().stream().filter(Camera::enabled).map(Camera::id)
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
            if (failing) {
                LOG.info("Node {}: the database answers again", self);
                failing = false;
            }
            plan.release().forEach(this::handOver);
            for (String cameraId : plan.renew()) {
                if (!leased.recordsHere(cameraId)) {
                    take(cameraId, now);       // still ours from before a restart
                }
            }
            plan.acquire().forEach(cameraId -> take(cameraId, now));
            showOthers(rows, enabled, now);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("Node {}: cannot check in or renew camera leases: {}", self, e.getMessage());
                failing = true;
            }
            Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewedNanos);
            if (config.enabled() && silent.compareTo(config.leaseDuration().minus(config.checkInterval())) >= 0) {
                fence();
            }
        }
    }

    private void renew(LeasePlan plan, Instant now) {
        Map<String, CameraLeases.Renewal> renewals = new HashMap<>();
        for (String cameraId : plan.renew()) {
            renewals.put(cameraId, new CameraLeases.Renewal(archive.nextSequenceNow(cameraId) + SEQUENCE_HEADROOM,
                    leased.recordsHere(cameraId) ? status(cameraId) : null));
        }
        for (String lost : leases.renew(self, now.plus(config.leaseDuration()), renewals)) {
            LOG.warn("Camera {}: another node holds its lease now; stopping here", lost);
            stopHere(lost);
        }
        for (String cameraId : leased.snapshot()) {
            if (!plan.renew().contains(cameraId) && !plan.release().contains(cameraId)) {
                LOG.warn("Camera {}: its lease ran out before this node renewed it; stopping here", cameraId);
                stopHere(cameraId);
            }
        }
    }

    private void take(String cameraId, Instant now) {
        OptionalLong floor = leases.acquire(cameraId, self, now, now.plus(config.leaseDuration()));
        if (floor.isEmpty()) {
            return;
        }
        archive.claimSequences(cameraId, floor.getAsLong());
        leased.add(cameraId);
        board.dropRemote(cameraId);
        supervisor.sync(cameraId);
        LOG.info("Camera {}: lease acquired by node {}; recording here", cameraId, self);
    }

    /** Stops recording, waits for the last segment to be numbered, and releases the lease with the exact floor. */
    private void handOver(String cameraId) {
        leased.remove(cameraId);
        try {
            supervisor.sync(cameraId).get(45, TimeUnit.SECONDS);
            long next = archive.nextSequence(cameraId);
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
            supervisor.sync(cameraId);
        }
    }

    /** Out of touch with the database for nearly a lease: stop recording before another node may take over. */
    private void fence() {
        Set<String> held = leased.snapshot();
        if (held.isEmpty()) {
            return;
        }
        LOG.error("Node {}: no lease renewal for {}: stopping its {} camera(s) so that no two nodes record one camera",
                self, config.leaseDuration().minus(config.checkInterval()), held.size());
        for (String cameraId : held) {
            stopHere(cameraId);
            board.report(cameraId, CameraStatus.State.OFFLINE, "not recorded by node " + self
                    + ": it lost contact with the database and gave up its lease");
        }
    }

    /** For cameras recorded elsewhere (or by nobody), the status every node shows. */
    private void showOthers(List<LeaseView> rows, Set<String> enabled, Instant now) {
        for (LeaseView row : rows) {
            String cameraId = row.cameraId();
            if (leased.recordsHere(cameraId) || !enabled.contains(cameraId)) {
                continue;
            }
            String holder = row.holderAt(now);
            CameraStatus shown = holder != null && row.status() != null ? parse(row.status()) : null;
            if (shown == null) {
                shown = holder != null
                        ? status(CameraStatus.State.CONNECTING, row.acquiredAt(), null)
                        : status(CameraStatus.State.OFFLINE, now, "not recorded right now: no node holds its lease "
                        + "(a node is taking it over, or every node is at vigil.cluster.max-cameras)");
            }
            board.adoptRemote(cameraId, shown);
        }
    }

    private static CameraStatus status(CameraStatus.State state, Instant since, String error) {
        return new CameraStatus(state, since, null, error, error == null ? null : since, null, null, 0, null, null,
                null, null, 0);
    }

    private String status(String cameraId) {
        CameraStatus s = board.local(cameraId);
        try {
            String text = json.writeValueAsString(s);
            if (text.length() > MAX_STATUS_CHARS && s.lastError() != null) {
                String shortError = s.lastError().substring(0, Math.min(500, s.lastError().length()));
                text = json.writeValueAsString(new CameraStatus(s.state(), s.since(), s.lastSegmentAt(), shortError,
                        s.lastErrorAt(), s.sessionId(), s.sessionStart(), s.reconnects(), s.codec(), s.resolution(),
                        s.bitrateKbps(), s.framesPerSecond(), s.spoolBacklog()));
            }
            return text.length() > MAX_STATUS_CHARS ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    private CameraStatus parse(String text) {
        try {
            return json.readValue(text, CameraStatus.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A clean stop: every recorder stores its last segment, then each lease is released with its exact floor. */
    @EventListener
    public void onShutdown(ShutdownEvent event) {
        ticker.shutdown();
        synchronized (this) {
            stopping = true;
            supervisor.stopAll();
            Set<String> held = leased.snapshot();
            for (String cameraId : held) {
                leased.remove(cameraId);
                try {
                    leases.release(cameraId, self, archive.nextSequence(cameraId));
                } catch (RuntimeException e) {
                    LOG.warn("Camera {}: could not release its lease ({}); it expires in {}", cameraId, e.getMessage(),
                            config.leaseDuration());
                }
            }
            try {
                nodes.stopped(self, time.now());
            } catch (RuntimeException e) {
                LOG.warn("Node {}: could not record its stop: {}", self, e.getMessage());
            }
            LOG.info("Node {}: stopped; handed over {} camera(s)", self, held.size());
        }
    }
}
