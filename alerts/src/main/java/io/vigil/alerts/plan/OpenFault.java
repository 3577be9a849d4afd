package io.vigil.alerts.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * A service fault whose alert has fired and that has not cleared: what keeps the next alert check from firing it again.
 *
 * @param fault   the fault as it was when its alert fired
 * @param alertId the alert that fired for it
 * @param firedAt when that alert fired
 */
public record OpenFault(AlertedFault fault, String alertId, Instant firedAt) {

    public OpenFault {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(firedAt, "firedAt");
    }

    public String key() {
        return fault.key();
    }
}
