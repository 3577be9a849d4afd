package io.vigil.alerts.plan;

import io.vigil.camera.CameraStatus.State;
import java.time.Instant;
import java.util.Objects;

/**
 * A condition whose alert has fired and that has not cleared: what keeps the next alert check from firing it again.
 *
 * @param cameraId the failing camera
 * @param ruleName the rule it fails under
 * @param state    the state it was in when the alert fired
 * @param since    since when it was in that state
 * @param alertId  the alert that fired for it
 * @param firedAt  when that alert fired
 */
public record OpenCondition(
        String cameraId, String ruleName, State state, Instant since, String alertId, Instant firedAt) {

    public OpenCondition {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(firedAt, "firedAt");
    }
}
