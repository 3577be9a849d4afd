package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.FaultPlan;
import io.vigil.alerts.plan.FaultPlanner;
import io.vigil.alerts.plan.FaultRule;
import io.vigil.alerts.plan.OpenFault;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.kernel.hook.BackgroundAudit;
import io.vigil.kernel.hook.ServiceFault;
import io.vigil.kernel.hook.ServiceFaults;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service faults' part of an alert check: the faults every {@link ServiceFaults} reports in, the open ones this node
 * judges, {@link FaultPlanner}'s decision out, stored with a delivery per alert and target, each alert in the audit log.
 *
 * <p>A fault of scope NODE is keyed {@code key@node}: only its node judges it. A SERVICE fault every node judges alike;
 * when two see it clear, the one whose check forgets it sends the recovery.
 */
public final class FaultChecker {

    private static final Logger LOG = LoggerFactory.getLogger(FaultChecker.class);

    private final AlertRepository alerts;
    private final List<ServiceFaults> sources;
    private final FaultRule rule;
    private final Function<Alert, List<Delivery>> deliveriesOf;
    private final String nodeId;
    private final Clock clock;
    private final BackgroundAudit audit;

    public FaultChecker(
            AlertRepository alerts,
            List<ServiceFaults> sources,
            FaultRule rule,
            Function<Alert, List<Delivery>> deliveriesOf,
            String nodeId,
            Clock clock,
            BackgroundAudit audit) {
        this.alerts = alerts;
        this.sources = List.copyOf(sources);
        this.rule = rule;
        this.deliveriesOf = deliveriesOf;
        this.nodeId = nodeId;
        this.clock = clock;
        this.audit = audit;
    }

    /** Runs the faults' part of one check; returns the alerts it sent. */
    public List<Alert> check() {
        Instant now = clock.instant();
        List<AlertedFault> seen = new ArrayList<>();
        for (ServiceFaults source : sources) {
            try {
                source.current().forEach(f -> seen.add(alerted(f)));
            } catch (RuntimeException e) {
                // a source that cannot say is not a fault cleared: keep its open faults as they are this time
                LOG.warn("{} could not report its faults: {}", source.getClass().getSimpleName(), e.toString());
                return List.of();
            }
        }
        List<OpenFault> judged =
                alerts.openFaults().stream().filter(o -> judgedHere(o.key())).toList();
        FaultPlan plan = FaultPlanner.plan(now, rule, judged, seen);
        if (plan.empty()) {
            return List.of();
        }
        List<Alert> firing = plan.firing().stream()
                .map(f -> alert(PlannedAlert.Kind.FIRING, f, now))
                .toList();
        List<AlertRepository.ClearedFault> cleared = plan.clearing().stream()
                .map(o -> new AlertRepository.ClearedFault(
                        o, plan.recovery() ? alert(PlannedAlert.Kind.RECOVERY, o.fault(), now) : null))
                .toList();
        List<Alert> sent = alerts.recordFaults(firing, cleared, deliveriesOf);
        for (Alert alert : sent) {
            audit.record(
                    alert.kind() == PlannedAlert.Kind.FIRING
                            ? BackgroundAudit.Action.ALERT_FIRE
                            : BackgroundAudit.Action.ALERT_RECOVER,
                    null,
                    "alert " + alert.id() + " (" + alert.ruleName() + ", "
                            + alert.fault().key() + "): " + AlertMessage.summary(alert),
                    false);
        }
        return sent;
    }

    private AlertedFault alerted(ServiceFault f) {
        String key = f.scope() == ServiceFault.Scope.NODE ? f.key() + "@" + nodeId : f.key();
        return new AlertedFault(key, f.summary(), f.since());
    }

    private boolean judgedHere(String key) {
        int at = key.indexOf('@');
        return at < 0 || key.substring(at + 1).equals(nodeId);
    }

    private Alert alert(PlannedAlert.Kind kind, AlertedFault fault, Instant now) {
        return Alert.of(UUID.randomUUID().toString(), PlannedAlert.about(kind, fault), now, nodeId);
    }
}
