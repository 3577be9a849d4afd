package io.vigil.alerts.plan;

import io.vigil.camera.CameraStatus.State;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which camera states make an alert condition, how long one must last before its alert fires, and whether its
 * clearing sends a recovery.
 *
 * @param name        the rule's name in alerts and rows, {@code [a-z0-9][a-z0-9-]{0,39}}
 * @param states      the failing states (never RECORDING, DISABLED or CONNECTING)
 * @param delayMillis how long a camera stays in them before its condition is due, at least 0
 * @param recovery    whether a condition that clears because the camera records again sends a recovery
 */
public record AlertRule(String name, Set<State> states, long delayMillis, boolean recovery) {

    /** The name of the default rule. */
    public static final String CAMERA_DOWN = "camera-down";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public AlertRule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an alert rule's name is [a-z0-9][a-z0-9-]{0,39}: " + name);
        }
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("alert rule " + name + " names no state");
        }
        states = Set.copyOf(EnumSet.copyOf(states));
        if (states.contains(State.RECORDING) || states.contains(State.DISABLED) || states.contains(State.CONNECTING)) {
            throw new IllegalArgumentException(
                    "alert rule " + name + ": RECORDING, DISABLED and CONNECTING are not failing states");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("alert rule " + name + ": a delay is at least 0 ms");
        }
    }

    /** The default rule: a camera OFFLINE or UNAUTHORIZED for {@code delayMillis}, with its recovery. */
    public static AlertRule cameraDown(long delayMillis) {
        return new AlertRule(CAMERA_DOWN, EnumSet.of(State.OFFLINE, State.UNAUTHORIZED), delayMillis, true);
    }

    /** Whether a camera in {@code state} is failing under this rule. */
    public boolean failing(State state) {
        return states.contains(state);
    }
}
