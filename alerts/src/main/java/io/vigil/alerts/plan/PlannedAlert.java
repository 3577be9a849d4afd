package io.vigil.alerts.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An alert the planner decided to send: a firing or a recovery under one rule, about one camera or, as a digest,
 * several (in camera-id order), or about one service fault (no camera).
 */
public record PlannedAlert(Kind kind, String ruleName, List<AlertedCamera> cameras, AlertedFault fault) {

    /** Whether conditions fell due or cleared. */
    public enum Kind {
        FIRING,
        RECOVERY
    }

    public PlannedAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleName, "ruleName");
        cameras = cameras.stream()
                .sorted(Comparator.comparing(AlertedCamera::cameraId))
                .toList();
        if (cameras.isEmpty() == (fault == null)) {
            throw new IllegalArgumentException("an alert is about at least one camera or else one service fault");
        }
    }

    /** An alert about cameras. */
    public PlannedAlert(Kind kind, String ruleName, List<AlertedCamera> cameras) {
        this(kind, ruleName, cameras, null);
    }

    /** An alert about a service fault. */
    public static PlannedAlert about(Kind kind, AlertedFault fault) {
        return new PlannedAlert(kind, FaultRule.NAME, List.of(), fault);
    }

    /** Whether it is a digest: about more than one camera. */
    public boolean digest() {
        return cameras.size() > 1;
    }

    /** The cameras' ids, in order. */
    public List<String> cameraIds() {
        return cameras.stream().map(AlertedCamera::cameraId).toList();
    }
}
