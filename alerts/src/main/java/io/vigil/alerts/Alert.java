package io.vigil.alerts;

import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert as sent and kept: a planned alert with its id, time and node.
 *
 * @param id       random UUID
 * @param kind     FIRING or RECOVERY
 * @param ruleName the rule it is sent under
 * @param cameras  the cameras it is about, in camera-id order (more than one: a digest); none for a fault's
 * @param fault    the service fault it is about, or null
 * @param event    the posted event it is about (its cameras are {@code cameras}), or null
 * @param at       when the check that decided it ran
 * @param nodeId   the node whose check that was
 */
public record Alert(
        String id,
        PlannedAlert.Kind kind,
        String ruleName,
        List<AlertedCamera> cameras,
        AlertedFault fault,
        AlertedEvent event,
        Instant at,
        String nodeId) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleName, "ruleName");
        cameras = List.copyOf(cameras);
        if (cameras.isEmpty() == (fault == null)) {
            throw new IllegalArgumentException("an alert is about at least one camera or else one service fault");
        }
        if (event != null && kind != PlannedAlert.Kind.FIRING) {
            throw new IllegalArgumentException("an event alert fires; nothing recovers from an event");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nodeId, "nodeId");
    }

    /** An alert about cameras. */
    public Alert(
            String id,
            PlannedAlert.Kind kind,
            String ruleName,
            List<AlertedCamera> cameras,
            Instant at,
            String nodeId) {
        this(id, kind, ruleName, cameras, null, null, at, nodeId);
    }

    /** An alert about cameras or a service fault. */
    public Alert(
            String id,
            PlannedAlert.Kind kind,
            String ruleName,
            List<AlertedCamera> cameras,
            AlertedFault fault,
            Instant at,
            String nodeId) {
        this(id, kind, ruleName, cameras, fault, null, at, nodeId);
    }

    /** The planned alert, given its id, time and node. */
    public static Alert of(String id, PlannedAlert planned, Instant at, String nodeId) {
        return new Alert(id, planned.kind(), planned.ruleName(), planned.cameras(), planned.fault(), at, nodeId);
    }

    /** The one camera it is about, or null (a digest, a fault). */
    public String camera() {
        return cameras.size() == 1 ? cameras.get(0).cameraId() : null;
    }

    /** Whether it is a digest. */
    public boolean digest() {
        return cameras.size() > 1;
    }
}
