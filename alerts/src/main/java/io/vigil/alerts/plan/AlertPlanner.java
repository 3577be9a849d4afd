package io.vigil.alerts.plan;

import io.vigil.camera.CameraStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, at one alert check, which alerts fire and which recover: pure, from the rules, the open conditions (the previous
 * alert state) and the cameras' states with their {@code since}.
 *
 * <ul>
 *   <li>a camera in one of a rule's states for the rule's delay or longer fires once; while its condition is open it
 *       fires nothing more (whichever failing state it moves to, CONNECTING and ERROR included);
 *   <li>an open condition clears when its camera is RECORDING again, with one recovery if the rule sends them; a
 *       camera disabled or removed meanwhile clears it without one (someone turned it off);
 *   <li>a condition that clears before its delay fires nothing: there is no state but the camera's own;
 *   <li>{@link DigestPolicy#minCameras()} conditions or more of one rule falling due (or clearing) in one alert check go out
 *       as one digest; a due condition waits while a failing camera that began failing within the digest window of it
 *       is not due yet (at most that window).
 * </ul>
 */
public final class AlertPlanner {

    private AlertPlanner() {}

    public static AlertPlan plan(
            Instant now,
            List<AlertRule> rules,
            DigestPolicy digest,
            List<OpenCondition> open,
            List<CameraObservation> cameras) {
        Map<String, CameraObservation> byCamera = cameras.stream()
                .collect(Collectors.toMap(CameraObservation::cameraId, Function.identity(), (a, b) -> a));
        List<PlannedAlert> alerts = new ArrayList<>();
        List<AlertPlan.Firing> fired = new ArrayList<>();
        List<OpenCondition> cleared = new ArrayList<>();
        for (AlertRule rule : rules) {
            List<OpenCondition> openHere =
                    open.stream().filter(o -> o.ruleName().equals(rule.name())).toList();
            Set<String> openCameras =
                    openHere.stream().map(OpenCondition::cameraId).collect(Collectors.toSet());
            List<AlertedCamera> recovered = new ArrayList<>();
            for (OpenCondition condition : openHere) {
                CameraObservation seen = byCamera.get(condition.cameraId());
                if (seen == null || seen.state() == State.DISABLED) {
                    cleared.add(condition);
                } else if (seen.state() == State.RECORDING) {
                    cleared.add(condition);
                    recovered.add(new AlertedCamera(seen.cameraId(), seen.state(), seen.since()));
                }
            }
            List<CameraObservation> failing = cameras.stream()
                    .filter(c -> rule.failing(c.state()))
                    .filter(c -> !openCameras.contains(c.cameraId()))
                    .sorted(Comparator.comparing(CameraObservation::cameraId))
                    .toList();
            List<CameraObservation> notDue =
                    failing.stream().filter(c -> !due(c, rule, now)).toList();
            List<AlertedCamera> firing = failing.stream()
                    .filter(c -> due(c, rule, now))
                    .filter(c -> notDue.stream().noneMatch(p -> within(p.since(), c.since(), digest.windowMillis())))
                    .map(c -> new AlertedCamera(c.cameraId(), c.state(), c.since()))
                    .toList();
            for (PlannedAlert alert : group(PlannedAlert.Kind.FIRING, rule.name(), firing, digest)) {
                for (AlertedCamera camera : alert.cameras()) {
                    fired.add(new AlertPlan.Firing(camera, rule.name(), alerts.size()));
                }
                alerts.add(alert);
            }
            if (rule.recovery()) {
                alerts.addAll(group(PlannedAlert.Kind.RECOVERY, rule.name(), recovered, digest));
            }
        }
        return new AlertPlan(alerts, fired, cleared);
    }

    private static boolean due(CameraObservation camera, AlertRule rule, Instant now) {
        return !now.isBefore(camera.since().plusMillis(rule.delayMillis()));
    }

    private static boolean within(Instant a, Instant b, long windowMillis) {
        return Duration.between(a, b).abs().toMillis() <= windowMillis;
    }

    /** One digest of all the cameras when there are enough of them, else one alert each. */
    private static List<PlannedAlert> group(
            PlannedAlert.Kind kind, String ruleName, List<AlertedCamera> cameras, DigestPolicy digest) {
        if (cameras.isEmpty()) {
            return List.of();
        }
        if (cameras.size() >= digest.minCameras()) {
            return List.of(new PlannedAlert(kind, ruleName, cameras));
        }
        return cameras.stream()
                .sorted(Comparator.comparing(AlertedCamera::cameraId))
                .map(c -> new PlannedAlert(kind, ruleName, List.of(c)))
                .toList();
    }
}
