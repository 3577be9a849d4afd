package io.vigil.alerts.plan;

import io.vigil.camera.CameraStatus.State;
import java.time.Instant;
import java.util.Objects;

/**
 * A camera's state as the planner sees it at one alert check: its status's state and since when it has been in it.
 *
 * @param cameraId the camera
 * @param state    its state now
 * @param since    when it entered that state
 */
public record CameraObservation(String cameraId, State state, Instant since) {

    public CameraObservation {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
