package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.plan.AlertPlan;
import io.vigil.alerts.plan.AlertPlanner;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.DigestPolicy;
import io.vigil.alerts.plan.OpenCondition;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.kernel.hook.BackgroundAudit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One alert check: the cameras' states and the open conditions in, the planner's decision out, stored in one transaction
 * with a delivery per alert to each configured target, and each alert in the audit log. The thin shell around
 * {@link AlertPlanner}.
 */
public final class AlertChecker {

    private final AlertRepository alerts;
    private final Supplier<CameraStates.Look> cameras;
    private final List<AlertRule> rules;
    private final DigestPolicy digest;
    private final Supplier<List<AlertTarget>> targets;
    private final String nodeId;
    private final Clock clock;
    private final BackgroundAudit audit;

    /** What a check judges by: the rules, the digest policy, the targets as they are at each check, this node's id. */
    public record Settings(
            List<AlertRule> rules, DigestPolicy digest, Supplier<List<AlertTarget>> targets, String nodeId) {

        /** Fixed targets. */
        public Settings(List<AlertRule> rules, DigestPolicy digest, List<AlertTarget> targets, String nodeId) {
            this(rules, digest, () -> targets, nodeId);
        }
    }

    public AlertChecker(
            AlertRepository alerts,
            Supplier<CameraStates.Look> cameras,
            Settings settings,
            Clock clock,
            BackgroundAudit audit) {
        this.alerts = alerts;
        this.cameras = cameras;
        this.rules = List.copyOf(settings.rules());
        this.digest = settings.digest();
        this.targets = settings.targets();
        this.nodeId = settings.nodeId();
        this.clock = clock;
        this.audit = audit;
    }

    /** Runs one check; returns the alerts it sent. */
    public List<Alert> check() {
        Instant now = clock.instant();
        CameraStates.Look look = cameras.get();
        Set<String> judgedHere = look.judged().stream().map(c -> c.cameraId()).collect(Collectors.toSet());
        // this node's cameras' conditions, and those of cameras that are gone; another node judges the rest
        List<OpenCondition> open = alerts.open().stream()
                .filter(c ->
                        judgedHere.contains(c.cameraId()) || !look.existing().contains(c.cameraId()))
                .toList();
        AlertPlan plan = AlertPlanner.plan(now, rules, digest, open, look.judged());
        if (plan.empty()) {
            return List.of();
        }
        List<Alert> sent = new ArrayList<>();
        List<Delivery> toDeliver = new ArrayList<>();
        List<AlertTarget> targetsNow = targets.get();
        for (PlannedAlert planned : plan.alerts()) {
            Alert alert = Alert.of(UUID.randomUUID().toString(), planned, now, nodeId);
            sent.add(alert);
            for (AlertTarget target : targetsNow) {
                toDeliver.add(Delivery.pending(
                        UUID.randomUUID().toString(), alert.id(), target.name(), target.origin(), now));
            }
        }
        List<OpenCondition> opened = plan.fired().stream()
                .map(f -> new OpenCondition(
                        f.camera().cameraId(),
                        f.ruleName(),
                        f.camera().state(),
                        f.camera().since(),
                        sent.get(f.alertIndex()).id(),
                        now))
                .toList();
        alerts.record(sent, opened, plan.cleared(), toDeliver);
        for (Alert alert : sent) {
            audit.record(
                    alert.kind() == PlannedAlert.Kind.FIRING
                            ? BackgroundAudit.Action.ALERT_FIRE
                            : BackgroundAudit.Action.ALERT_RECOVER,
                    alert.camera(),
                    "alert " + alert.id() + " (" + alert.ruleName() + "): " + AlertMessage.summary(alert),
                    false);
        }
        return sent;
    }
}
