package io.vigil.alerts.plan;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.camera.CameraStatus.State;
import java.time.Instant;
import java.util.Objects;

/**
 * One camera an alert is about.
 *
 * @param cameraId the camera
 * @param state    a firing: the failing state; a recovery: its state now (RECORDING)
 * @param since    since when it has been in that state
 */
@Serdeable
public record AlertedCamera(String cameraId, State state, Instant since) {

    public AlertedCamera {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
