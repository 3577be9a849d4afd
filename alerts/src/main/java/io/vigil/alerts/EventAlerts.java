package io.vigil.alerts;

import io.micronaut.context.event.ApplicationEventListener;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.CameraObservation;
import io.vigil.alerts.plan.EventRule;
import io.vigil.alerts.plan.EventRulePlanner;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.alerts.rules.EventRuleSet;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.BackgroundAudit;
import io.vigil.kernel.hook.EventPosted;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event alerts: a posted event whose label an event rule watches for, on a camera it watches, sends one alert (per
 * rule, about the cameras not alerted under it within its cooldown), stored with its deliveries and audited. On the
 * poster's thread; a failure is logged, never the poster's.
 */
@Singleton
public class EventAlerts implements ApplicationEventListener<EventPosted> {

    private static final Logger LOG = LoggerFactory.getLogger(EventAlerts.class);

    private final AlertRepository alerts;
    private final Supplier<List<EventRule>> rules;
    private final Function<String, Optional<CameraObservation>> cameras;
    private final AlertTargets targets;
    private final String nodeId;
    private final Clock clock;
    private final BackgroundAudit audit;

    @Inject
    public EventAlerts(
            AlertRepository alerts,
            EventRuleSet rules,
            CameraStates cameras,
            AlertTargets targets,
            NodeIdentity node,
            Clock clock,
            BackgroundAudit audit) {
        this(alerts, rules::all, cameras::of, targets, node.nodeId(), clock, audit);
    }

    EventAlerts(
            AlertRepository alerts,
            Supplier<List<EventRule>> rules,
            Function<String, Optional<CameraObservation>> cameras,
            AlertTargets targets,
            String nodeId,
            Clock clock,
            BackgroundAudit audit) {
        this.alerts = alerts;
        this.rules = rules;
        this.cameras = cameras;
        this.targets = targets;
        this.nodeId = nodeId;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(EventPosted posted) {
        try {
            send(posted);
        } catch (RuntimeException e) {
            LOG.warn("Event {}: its alerts could not be sent: {}", posted.eventId(), e.toString());
        }
    }

    /** Sends the alerts the event calls for; returns them. */
    List<Alert> send(EventPosted posted) {
        Instant now = clock.instant();
        if (targets.all().isEmpty()) {
            return List.of(); // alerts off
        }
        List<EventRulePlanner.Match> matches =
                EventRulePlanner.plan(now, rules.get(), posted.label(), posted.cameraIds(), alerts::lastAlerted);
        List<Alert> sent = new java.util.ArrayList<>();
        for (EventRulePlanner.Match match : matches) {
            List<AlertedCamera> named = match.cameraIds().stream()
                    .map(cameras)
                    .flatMap(Optional::stream)
                    .map(o -> new AlertedCamera(o.cameraId(), o.state(), o.since()))
                    .toList();
            if (named.isEmpty()) {
                continue;
            }
            Alert alert = new Alert(
                    UUID.randomUUID().toString(),
                    PlannedAlert.Kind.FIRING,
                    match.rule().name(),
                    named,
                    null,
                    new AlertedEvent(posted.eventId(), posted.label(), posted.at(), posted.source()),
                    now,
                    nodeId);
            List<Delivery> deliveries = targets.deliveriesOf(alert);
            alerts.recordAlone(alert, deliveries);
            audit.record(
                    BackgroundAudit.Action.ALERT_FIRE,
                    alert.camera(),
                    "alert " + alert.id() + " (" + alert.ruleName() + ", event " + posted.eventId() + "): "
                            + AlertMessage.summary(alert),
                    false);
            sent.add(alert);
        }
        return sent;
    }
}
