package io.vigil.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What an alert says (pure): its one-line summary and the JSON body a webhook receives. */
public final class AlertMessage {

    /** The most camera ids a summary names; a digest's body lists them all. */
    public static final int SUMMARY_CAMERAS = 10;

    /** The rule a test alert is sent under (and its fault's key): its summary is its fault's, no duration. */
    public static final String TEST_RULE = "test";

    private AlertMessage() {}

    /**
     * The webhook body.
     *
     * @param id      the alert's id (also the {@code Vigil-Alert-Id} header)
     * @param type    {@code alert.firing} or {@code alert.recovery}
     * @param rule    the rule's name
     * @param at      when it was decided, ISO-8601 UTC
     * @param digest  whether it is about several cameras
     * @param summary one line for people
     * @param cameras each camera with its state and since when, ISO-8601 UTC; empty for a service fault's
     * @param fault   the service fault it is about, or null
     * @param event   the posted event it is about (id, label, at, source), or null
     * @param node    the node that decided it
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // a stable shape: "cameras": [] and "fault": null are sent
    public record Body(
            String id,
            String type,
            String rule,
            String at,
            boolean digest,
            String summary,
            List<BodyCamera> cameras,
            @Nullable BodyFault fault,
            @Nullable AlertedEvent event,
            String node) {}

    /** A service fault in a body: its key, its summary, since when, ISO-8601 UTC. */
    @Serdeable
    public record BodyFault(String key, String summary, String since) {}

    /** A camera in a body. */
    @Serdeable
    public record BodyCamera(String id, String state, String since) {}

    public static Body body(Alert alert) {
        return new Body(
                alert.id(),
                alert.kind() == PlannedAlert.Kind.FIRING ? "alert.firing" : "alert.recovery",
                alert.ruleName(),
                alert.at().toString(),
                alert.digest(),
                summary(alert),
                alert.cameras().stream()
                        .map(c -> new BodyCamera(
                                c.cameraId(), c.state().name(), c.since().toString()))
                        .toList(),
                alert.fault() == null
                        ? null
                        : new BodyFault(
                                alert.fault().key(),
                                alert.fault().summary(),
                                alert.fault().since().toString()),
                alert.event(),
                alert.nodeId());
    }

    /**
     * One line: "Camera dock is OFFLINE (for 31 s)", "Camera dock is RECORDING again", "3 cameras are down: a, b, c",
     * "3 cameras are recording again: a, b, c"; a service fault's: its own summary, "(for 31 s)" or "Cleared: " before.
     */
    public static String summary(Alert alert) {
        boolean firing = alert.kind() == PlannedAlert.Kind.FIRING;
        if (alert.event() != null) {
            String names = alert.cameras().stream()
                    .limit(SUMMARY_CAMERAS)
                    .map(AlertedCamera::cameraId)
                    .collect(Collectors.joining(", "));
            int more = alert.cameras().size() - SUMMARY_CAMERAS;
            return "Event \"" + alert.event().label() + "\" on " + names + (more > 0 ? " and " + more + " more" : "")
                    + " at " + alert.event().at();
        }
        if (alert.fault() != null && TEST_RULE.equals(alert.ruleName())) {
            return alert.fault().summary();
        }
        if (alert.fault() != null) {
            AlertedFault f = alert.fault();
            return firing
                    ? f.summary() + " (for "
                            + Duration.between(f.since(), alert.at()).toSeconds() + " s)"
                    : "Cleared: " + f.summary();
        }
        if (!alert.digest()) {
            AlertedCamera c = alert.cameras().get(0);
            return firing
                    ? "Camera " + c.cameraId() + " is " + c.state() + " (for "
                            + Duration.between(c.since(), alert.at()).toSeconds() + " s)"
                    : "Camera " + c.cameraId() + " is " + c.state() + " again";
        }
        int n = alert.cameras().size();
        String names = alert.cameras().stream()
                .limit(SUMMARY_CAMERAS)
                .map(AlertedCamera::cameraId)
                .collect(Collectors.joining(", "));
        String more = n > SUMMARY_CAMERAS ? " and " + (n - SUMMARY_CAMERAS) + " more" : "";
        return n + " cameras are " + (firing ? "down" : "recording again") + ": " + names + more;
    }
}
