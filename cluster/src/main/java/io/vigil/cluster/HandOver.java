package io.vigil.cluster;

import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.RecordingControl;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-over: a lease released on purpose, for balance, a disabled camera or a clean stop. The camera's recorder
 * stops and its last segment is numbered first, then the lease is released with the exact next sequence number
 * ({@link CameraSequences#next}, above every stream of the camera), so the next holder numbers on without a jump. A hand-over that
 * cannot finish leaves its lease to expire instead; the next holder then numbers above the reservation.
 *
 * <p>Thread: called only by {@link LeaseKeeper}, under its lock (at a check, and at the clean stop).
 */
@Singleton
public class HandOver {

    private static final Logger LOG = LoggerFactory.getLogger(HandOver.class);

    private final ClusterConfig config;
    private final String self;
    private final CameraLeases leases;
    private final LeasedCameras leased;
    private final RecordingControl recording;
    private final CameraSequences sequences;

    public HandOver(
            ClusterConfig config,
            NodeIdentity identity,
            CameraLeases leases,
            LeasedCameras leased,
            RecordingControl recording,
            CameraSequences sequences) {
        this.config = config;
        this.self = identity.nodeId();
        this.leases = leases;
        this.leased = leased;
        this.recording = recording;
        this.sequences = sequences;
    }

    /**
     * Hands the cameras over in order, while the check that began at {@code checkStartedNanos} (by
     * {@link System#nanoTime()}) is younger than a quarter lease: a check must end well within the leases it
     * renewed. The rest go at the next check.
     */
    void handOver(List<String> cameraIds, long checkStartedNanos) {
        for (String cameraId : cameraIds) {
            if (System.nanoTime() - checkStartedNanos > config.leaseDuration().toNanos() / 4) {
                break;
            }
            handOver(cameraId);
        }
    }

    /**
     * Stops recording, waits for the last segment to be numbered, and releases the lease with the exact floor. The
     * wait is bounded by a quarter lease; a recorder slower than that leaves its lease to expire.
     */
    // waited for through stopped(cameraId) just below
    @SuppressWarnings("FutureReturnValueIgnored")
    private void handOver(String cameraId) {
        leased.remove(cameraId);
        long waitMillis = config.leaseDuration().toMillis() / 4;
        try {
            recording.sync(cameraId);
            recording.stopped(cameraId).get(waitMillis, TimeUnit.MILLISECONDS);
            long next = sequences.next(cameraId);
            if (leases.release(cameraId, self, next)) {
                LOG.info("Camera {}: handed over by node {} (next sequence {})", cameraId, self, next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Camera {}: hand-over failed ({}); its lease will expire instead", cameraId, e.getMessage());
        }
    }

    /**
     * The clean stop's hand-over of every camera: every recorder stores its last segment (a bounded wait), then each
     * lease is released with its exact floor; a recorder that did not stop in time leaves its lease to expire.
     * Returns how many cameras this node held.
     */
    int handOverAll() {
        recording.stopAll();
        Set<String> held = leased.snapshot();
        for (String cameraId : held) {
            leased.remove(cameraId);
            if (!recording.stopped(cameraId).isDone()) {
                LOG.warn(
                        "Camera {}: its recorder did not stop in time; its lease expires in {}",
                        cameraId,
                        config.leaseDuration());
                continue;
            }
            try {
                leases.release(cameraId, self, sequences.next(cameraId));
            } catch (RuntimeException e) {
                LOG.warn(
                        "Camera {}: could not release its lease ({}); it expires in {}",
                        cameraId,
                        e.getMessage(),
                        config.leaseDuration());
            }
        }
        return held.size();
    }
}
