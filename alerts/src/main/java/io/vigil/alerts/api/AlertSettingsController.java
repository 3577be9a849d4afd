package io.vigil.alerts.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.AlertRepository;
import io.vigil.alerts.AlertTargets;
import io.vigil.alerts.AlertsConfig;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.EventRule;
import io.vigil.alerts.plan.FaultRule;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.alerts.rules.EventRuleSet;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.NodeIdentity;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/alerts/settings}: what is configured (auditors, installers, admins); {@code POST /api/alerts/test}: a test
 * alert to every target now (admins), kept and delivered like any alert, so its deliveries show whether a target works.
 */
@Controller("/api/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertSettingsController {

    private static final String TEST = AlertMessage.TEST_RULE;

    private final AlertsConfig config;
    private final EventRuleSet eventRules;
    private final AlertTargets targets;
    private final AlertRepository alerts;
    private final String nodeId;
    private final Clock clock;

    public AlertSettingsController(
            AlertsConfig config,
            EventRuleSet eventRules,
            AlertTargets targets,
            AlertRepository alerts,
            NodeIdentity node,
            Clock clock) {
        this.config = config;
        this.eventRules = eventRules;
        this.targets = targets;
        this.alerts = alerts;
        this.nodeId = node.nodeId();
        this.clock = clock;
    }

    @Get("/settings")
    public AlertSettings settings() {
        List<AlertSettings.Rule> rules = new ArrayList<>();
        for (AlertRule r : config.rules()) {
            rules.add(new AlertSettings.Rule(
                    r.name(),
                    "SETTINGS",
                    "CAMERA",
                    r.states().stream().map(Enum::name).sorted().toList(),
                    r.delayMillis(),
                    r.recovery(),
                    null,
                    null,
                    null));
        }
        FaultRule faults = config.faultRule();
        rules.add(new AlertSettings.Rule(
                FaultRule.NAME, "SETTINGS", "FAULT", null, faults.delayMillis(), faults.recovery(), null, null, null));
        for (EventRule r : eventRules.all()) {
            rules.add(new AlertSettings.Rule(
                    r.name(),
                    eventRules.configured(r.name()) ? "SETTINGS" : "API",
                    "EVENT",
                    null,
                    null,
                    null,
                    r.label(),
                    r.cameraIds().stream().sorted().toList(),
                    r.cooldownMillis()));
        }
        List<AlertSettings.Target> shown = targets.shown();
        return new AlertSettings(
                !shown.isEmpty(), shown, rules, config.checkInterval().toMillis());
    }

    /** Sends a test alert to every target; 202 with the alert (its deliveries PENDING), {@code Location} to follow it. */
    @Post("/test")
    public HttpResponse<AlertView> test(io.micronaut.http.HttpRequest<?> http) {
        if (targets.shown().isEmpty()) {
            throw new VigilException(
                    ErrorCode.ALERTS_OFF,
                    "no alert target is configured: set vigil.alerts.webhook-url (VIGIL_ALERTS_WEBHOOK_URL) or "
                            + "vigil.alerts.email.host (VIGIL_ALERTS_EMAIL_HOST), or make one: POST /api/alerts/targets");
        }
        Instant now = clock.instant();
        Alert alert = new Alert(
                UUID.randomUUID().toString(),
                PlannedAlert.Kind.FIRING,
                TEST,
                List.of(),
                new AlertedFault(TEST, "A test alert, sent from the API: alerts reach this target", now),
                now,
                nodeId);
        List<Delivery> deliveries = targets.deliveriesOf(alert);
        alerts.recordAlone(alert, deliveries);
        AuditNote.detail("test alert " + alert.id() + " to " + targets.shown().size() + " target(s)")
                .publishOn(http);
        return HttpResponse.accepted(URI.create("/api/alerts/" + alert.id())).body(AlertView.of(alert, deliveries));
    }
}
