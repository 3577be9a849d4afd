package io.vigil.cluster;

import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.RecordingControl;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewal: at every check the holder pushes its leases a lease duration ahead, writing into each a sequence floor
 * {@link #SEQUENCE_HEADROOM} above its own numbering and its status report. A lease the renewal finds held by
 * another node is lost, and recording it stops here; a lease this node records but that ran out before it was
 * renewed is taken back if nobody took it, else recording stops too.
 *
 * <p>Sequence numbers: the headroom makes a node taking over after a crash number above every segment the dead
 * node may still have in its spool; a clean hand-over writes the exact next number instead ({@link HandOver}).
 *
 * <p>Thread: called only by {@link LeaseKeeper}, under its lock.
 */
@Singleton
public class LeaseRenewal {

    /**
     * Sequence numbers a holder may use beyond the floor it last wrote. A lease lasts 20 s and a segment about 2 s,
     * but segments queued while start-up reconciliation runs are numbered in one burst: a wide margin costs only a
     * jump in numbering after a crash.
     */
    static final long SEQUENCE_HEADROOM = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewal.class);

    private final ClusterConfig config;
    private final String self;
    private final CameraLeases leases;
    private final LeasedCameras leased;
    private final RecordingControl recording;
    private final CameraSequences sequences;
    private final StatusReports reports;
    private final LeaseTaking taking;

    public LeaseRenewal(
            ClusterConfig config,
            NodeIdentity identity,
            CameraLeases leases,
            LeasedCameras leased,
            RecordingControl recording,
            CameraSequences sequences,
            StatusReports reports,
            LeaseTaking taking) {
        this.config = config;
        this.self = identity.nodeId();
        this.leases = leases;
        this.leased = leased;
        this.recording = recording;
        this.sequences = sequences;
        this.reports = reports;
        this.taking = taking;
    }

    /** Renews the leases the plan saw this node hold, then settles those it records but the plan did not see. */
    void renew(LeasePlan plan, Instant now) {
        Map<String, CameraLeases.Renewal> renewals = new HashMap<>();
        for (String cameraId : plan.renewals(leased::recordsHere)) {
            renewals.put(
                    cameraId,
                    new CameraLeases.Renewal(
                            sequences.nextNow(cameraId) + SEQUENCE_HEADROOM,
                            leased.recordsHere(cameraId) ? reports.publish(cameraId) : null));
        }
        for (String lost : leases.renew(self, now.plus(config.leaseDuration()), renewals)) {
            LOG.warn("Camera {}: another node holds its lease now; stopping here", lost);
            stopHere(lost);
        }
        for (String cameraId : leased.snapshot()) {
            if (plan.holds(cameraId)) {
                continue;
            }
            if (taking.retake(cameraId, now)) {
                LOG.warn("Camera {}: its lease ran out before this node renewed it (nobody took it; kept)", cameraId);
            } else {
                LOG.warn("Camera {}: its lease ran out before this node renewed it; stopping here", cameraId);
                stopHere(cameraId);
            }
        }
    }

    // the recorder stops in the background; nobody waits for it
    @SuppressWarnings("FutureReturnValueIgnored")
    private void stopHere(String cameraId) {
        if (leased.remove(cameraId)) {
            recording.sync(cameraId);
        }
    }
}
