package io.vigil.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.email.EmailChannel;
import io.vigil.alerts.email.EmailConfig;
import io.vigil.alerts.webhook.WebhookChannel;
import io.vigil.alerts.webhook.WebhookSecret;
import io.vigil.alerts.webhook.WebhookSender;
import io.vigil.alerts.webhook.WebhookSignature;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.BackgroundAudit;
import io.vigil.kernel.hook.ServiceFaults;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alerts while at least one target exists (the settings' webhook or e-mail, or a webhook made through the API):
 * an alert check every {@code vigil.alerts.check-interval}, and the due delivery attempts every second; with no target
 * both passes do nothing. A failing pass is logged and the next one tries again.
 */
@Singleton
public class AlertSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);

    /** How much longer than its channel's longest attempt an attempt under way is claimed. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final AlertTargets targets;
    private final AlertChecker checker;
    private final FaultChecker faults;
    private final Counter checks;
    private final Deliveries deliveries;
    /** A channel per target, made once (a webhook's holds an HTTP client): the delivery thread's and the check's. */
    private final Map<AlertTarget, Channel> channels = new ConcurrentHashMap<>();

    public AlertSchedule(
            AlertsConfig config,
            EmailConfig email,
            AlertRepository alerts,
            DeliveryRepository deliveryRows,
            CameraStates cameras,
            NodeIdentity node,
            ObjectMapper json,
            Clock clock,
            BackgroundAudit audit,
            List<ServiceFaults> faultSources,
            AlertTargets targets,
            MeterRegistry meters) {
        this.targets = targets;
        this.checks = Counter.builder("vigil.alert.checks")
                .description("Alert checks this node has run (cameras and service faults)")
                .register(meters);
        this.checker = new AlertChecker(
                alerts,
                cameras::look,
                new AlertChecker.Settings(config.rules(), config.digest(), targets::all, node.nodeId()),
                clock,
                audit);
        this.faults = new FaultChecker(
                alerts, faultSources, config.faultRule(), targets::deliveriesOf, node.nodeId(), clock, audit);
        this.deliveries = new Deliveries(
                deliveryRows,
                alerts,
                new Deliveries.Route(
                        () -> targets.all().stream()
                                .map(t -> channels.computeIfAbsent(t, made -> channel(made, config, json, clock)))
                                .toList(),
                        config.retry(),
                        CLAIM_MARGIN),
                clock,
                audit);
        List<AlertTarget> set = targets.settings(); // the API's are read once the database is up
        if (set.isEmpty()) {
            LOG.info("Alerts on once a target is made through /api/alerts/targets (none in the settings)");
        } else {
            LOG.info("Alerts on: {}, {}; targets {}", config, email, set);
        }
    }

    /** A target's channel: a webhook's signs with the webhook secret, e-mail's refuses a bad CA file. */
    static Channel channel(AlertTarget target, AlertsConfig config, ObjectMapper json, Clock clock) {
        if (target instanceof AlertTarget.Webhook webhook) {
            return new WebhookChannel(
                    webhook,
                    new WebhookSignature(WebhookSecret.resolve(config.webhookSecret(), config.webhookSecretFile())),
                    new WebhookSender(config.connectTimeout(), config.answerTimeout(), clock),
                    json);
        }
        AlertTarget.Email email = (AlertTarget.Email) target;
        return new EmailChannel(email, config.connectTimeout(), config.answerTimeout(), json, clock);
    }

    /** A channel per target of the settings (start-up checks them). */
    static List<Channel> channels(AlertTargets targets, AlertsConfig config, ObjectMapper json, Clock clock) {
        return targets.all().stream().map(t -> channel(t, config, json, clock)).toList();
    }

    @Scheduled(fixedDelay = "${vigil.alerts.check-interval:5s}", initialDelay = "${vigil.alerts.check-interval:5s}")
    public void check() {
        if (!on()) {
            return; // alerts off: nothing is judged, nothing is kept
        }
        try {
            checker.check();
        } catch (RuntimeException e) {
            LOG.warn("Alert check (cameras) failed, the next one tries again: {}", e.toString());
        }
        try {
            faults.check();
        } catch (RuntimeException e) {
            LOG.warn("Alert check (service faults) failed, the next one tries again: {}", e.toString());
        }
        checks.increment();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    public void deliver() {
        if (!on()) {
            return;
        }
        try {
            deliveries.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Alert deliveries failed, the next pass tries again: {}", e.toString());
        }
    }

    /** Whether any target exists now; false, logged, when the API's cannot be read. */
    private boolean on() {
        try {
            return !targets.all().isEmpty();
        } catch (RuntimeException e) {
            LOG.warn("Alert targets could not be read, the next pass tries again: {}", e.toString());
            return false;
        }
    }
}
