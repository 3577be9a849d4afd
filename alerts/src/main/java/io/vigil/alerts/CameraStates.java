package io.vigil.alerts;

import io.vigil.alerts.plan.CameraObservation;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.hook.RecordingAssignment;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an alert check sees of the cameras: the state of each camera this node records (the node that records a camera
 * judges it, so a cluster sends each camera's alerts once), and the ids of every camera there is.
 */
@Singleton
public class CameraStates {

    /** One look: the cameras judged here, and every camera id (a condition of a camera not among them is gone). */
    public record Look(List<CameraObservation> judged, Set<String> existing) {}

    private final CameraRegistry registry;
    private final CameraStatusBoard board;
    private final RecordingAssignment assignment;

    public CameraStates(CameraRegistry registry, CameraStatusBoard board, RecordingAssignment assignment) {
        this.registry = registry;
        this.board = board;
        this.assignment = assignment;
    }

    /** The camera's state and since when, as the status board has it; empty for a camera there is not. */
    public java.util.Optional<CameraObservation> of(String cameraId) {
        return registry.list().stream()
                .filter(c -> c.id().equals(cameraId))
                .findFirst()
                .map(c -> {
                    CameraStatus status = board.get(c);
                    return new CameraObservation(c.id(), status.state(), status.since());
                });
    }

    public Look look() {
        List<CameraObservation> judged = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        for (Camera camera : registry.list()) {
            existing.add(camera.id());
            if (!camera.enabled()) {
                judged.add(new CameraObservation(camera.id(), CameraStatus.State.DISABLED, java.time.Instant.EPOCH));
            } else if (assignment.recordsHere(camera.id())) {
                CameraStatus status = board.get(camera);
                judged.add(new CameraObservation(camera.id(), status.state(), status.since()));
            }
        }
        return new Look(judged, existing);
    }
}
