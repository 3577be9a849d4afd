package io.vigil.cluster;

import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.RecordingControl;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking a lease: a compare-and-set on its row ({@link CameraLeases#acquire}) that succeeds only while nobody else
 * holds it, then the row's sequence floor claimed ({@link CameraSequences#claim}, every stream of the camera) before this node
 * records a segment of the camera. A take-over is a take of a lease another node let expire.
 *
 * <p>Thread: called only by {@link LeaseKeeper} and {@link LeaseRenewal}, under the keeper's lock.
 */
@Singleton
public class LeaseTaking {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseTaking.class);

    private final ClusterConfig config;
    private final String self;
    private final CameraLeases leases;
    private final LeasedCameras leased;
    private final RecordingControl recording;
    private final CameraSequences sequences;
    private final CameraStatusBoard board;

    public LeaseTaking(
            ClusterConfig config,
            NodeIdentity identity,
            CameraLeases leases,
            LeasedCameras leased,
            RecordingControl recording,
            CameraSequences sequences,
            CameraStatusBoard board) {
        this.config = config;
        this.self = identity.nodeId();
        this.leases = leases;
        this.leased = leased;
        this.recording = recording;
        this.sequences = sequences;
        this.board = board;
    }

    /** Takes what the plan says: first its own leases it does not record (still its own from before a restart), then unheld ones. */
    void take(LeasePlan plan, Instant now) {
        plan.toTake(leased::recordsHere).forEach(cameraId -> take(cameraId, now));
    }

    /** Takes the lease and starts recording here; does nothing if another node holds it. */
    // the recorder starts in the background; its status board says how it went
    @SuppressWarnings("FutureReturnValueIgnored")
    void take(String cameraId, Instant now) {
        if (!claim(cameraId, now)) {
            return;
        }
        leased.add(cameraId);
        board.dropRemote(cameraId);
        recording.sync(cameraId);
        LOG.info("Camera {}: lease acquired by node {}; recording here", cameraId, self);
    }

    /**
     * Takes back a lease that expired while this node went on recording the camera, if no other node took it;
     * recording goes on untouched. Returns whether it did.
     */
    boolean retake(String cameraId, Instant now) {
        return claim(cameraId, now);
    }

    private boolean claim(String cameraId, Instant now) {
        OptionalLong floor = leases.acquire(cameraId, self, now, now.plus(config.leaseDuration()));
        floor.ifPresent(f -> sequences.claim(cameraId, f));
        return floor.isPresent();
    }
}
