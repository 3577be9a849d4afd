package io.vigil.cluster;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.camera.CameraChanged;
import io.vigil.kernel.NodeIdentity;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease loop: every check interval one check runs the jobs in order: {@link CheckIn}, {@link ClusterSurvey}
 * (which plans with {@link LeasePlanner}), {@link LeaseRenewal}, {@link DefinitionChanges}, {@link HandOver},
 * {@link LeaseTaking}, and {@link StatusReports} of the cameras other nodes record. {@link Fencing} watches from
 * the side; a clean stop hands every camera over.
 *
 * <p>Threads: checks run on the {@code lease-keeper} thread (the schedule and camera changes), the first one on the
 * start-up thread, the clean stop on the shutdown thread; all of them hold this object's lock, so the jobs run one
 * at a time and keep their state unsynchronised. {@link Fencing} alone runs on its own {@code lease-watchdog}
 * thread, without this lock or the database; it learns of each renewal through {@link Fencing#renewed}.
 */
@Singleton
public class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final ClusterConfig config;
    private final String self;
    private final DatabaseTime time;
    private final CheckIn checkIn;
    private final ClusterSurvey survey;
    private final LeaseRenewal renewal;
    private final DefinitionChanges changes;
    private final HandOver handOver;
    private final LeaseTaking taking;
    private final StatusReports reports;
    private final Fencing fencing;
    private final ScheduledExecutorService ticker = ownThread("lease-keeper");
    private volatile boolean stopping;
    private boolean failing;

    public LeaseKeeper(
            ClusterConfig config,
            NodeIdentity identity,
            DatabaseTime time,
            CheckIn checkIn,
            ClusterSurvey survey,
            LeaseRenewal renewal,
            DefinitionChanges changes,
            HandOver handOver,
            LeaseTaking taking,
            StatusReports reports,
            Fencing fencing) {
        this.config = config;
        this.self = identity.nodeId();
        this.time = time;
        this.checkIn = checkIn;
        this.survey = survey;
        this.renewal = renewal;
        this.changes = changes;
        this.handOver = handOver;
        this.taking = taking;
        this.reports = reports;
        this.fencing = fencing;
    }

    // check() logs whatever it throws: the job never dies unseen
    @SuppressWarnings("FutureReturnValueIgnored")
    @EventListener
    public void onStartup(StartupEvent event) {
        LOG.info(
                "Node {}: taking camera leases ({} lease, checks every {}{})",
                self,
                config.leaseDuration(),
                config.checkInterval(),
                config.maxCameras() == null ? "" : ", at most " + config.maxCameras() + " cameras");
        check();
        long every = config.checkInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        fencing.start();
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
            if (!checkIn.checkIn(now)) {
                return;
            }
            ClusterSurvey.Facts facts = survey.read(now);
            renewal.renew(facts.plan(), now);
            fencing.renewed(startedNanos);
            changes.syncChanged(facts.definitions());
            if (failing) {
                LOG.info("Node {}: the database answers again", self);
                failing = false;
            }
            handOver.handOver(facts.plan().release(), startedNanos);
            taking.take(facts.plan(), now);
            reports.showOthers(facts.leases(), facts.enabled(), now);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("Node {}: cannot check in or renew camera leases: {}", self, e.getMessage());
                failing = true;
            }
        } catch (Throwable e) {
            LOG.error("Node {}: lease check failed", self, e);
        }
    }

    /** A scheduler on one daemon thread of its own, named {@code name}. */
    static ScheduledExecutorService ownThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A clean stop: every recorder stores its last segment, then each lease is released with its exact floor. */
    @EventListener
    public void onShutdown(ShutdownEvent event) {
        ticker.shutdown();
        fencing.stop();
        synchronized (this) {
            stopping = true;
            int handedOver = handOver.handOverAll();
            try {
                checkIn.stopped(time.now());
            } catch (RuntimeException e) {
                LOG.warn("Node {}: could not record its stop: {}", self, e.getMessage());
            }
            LOG.info("Node {}: stopped; handed over {} camera(s)", self, handedOver);
        }
    }
}
