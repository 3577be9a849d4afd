package io.vigil.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
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
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alerts when a target is configured ({@code vigil.alerts.webhook-url}, {@code vigil.alerts.email.host}, or
 * both): an alert check every {@code vigil.alerts.check-interval}, and the due delivery attempts every second. A failing
 * pass is logged and the next one tries again.
 */
@Singleton
@Requires(condition = AlertTargetsConfigured.class)
public class AlertSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);

    /** How much longer than its channel's longest attempt an attempt under way is claimed. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final AlertChecker checker;
    private final FaultChecker faults;
    private final Counter checks;
    private final Deliveries deliveries;

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
        this.checks = Counter.builder("vigil.alert.checks")
                .description("Alert checks this node has run (cameras and service faults)")
                .register(meters);
        List<Channel> channels = channels(targets, config, json, clock);
        this.checker = new AlertChecker(
                alerts,
                cameras::look,
                new AlertChecker.Settings(config.rules(), config.digest(), targets.all(), node.nodeId()),
                clock,
                audit);
        this.faults = new FaultChecker(
                alerts, faultSources, config.faultRule(), targets::deliveriesOf, node.nodeId(), clock, audit);
        this.deliveries = new Deliveries(
                deliveryRows, alerts, new Deliveries.Route(channels, config.retry(), CLAIM_MARGIN), clock, audit);
        LOG.info("Alerts on: {}, {}", config, email);
    }

    /** A channel per configured target: the webhook's signs with the webhook secret, e-mail's refuses a bad CA file. */
    static List<Channel> channels(AlertTargets targets, AlertsConfig config, ObjectMapper json, Clock clock) {
        List<Channel> channels = new ArrayList<>();
        for (AlertTarget target : targets.all()) {
            if (target instanceof AlertTarget.Webhook webhook) {
                channels.add(new WebhookChannel(
                        webhook,
                        new WebhookSignature(WebhookSecret.resolve(config.webhookSecret(), config.webhookSecretFile())),
                        new WebhookSender(config.connectTimeout(), config.answerTimeout(), clock),
                        json));
            } else if (target instanceof AlertTarget.Email email) {
                channels.add(new EmailChannel(email, config.connectTimeout(), config.answerTimeout(), json, clock));
            }
        }
        return channels;
    }

    @Scheduled(fixedDelay = "${vigil.alerts.check-interval:5s}", initialDelay = "${vigil.alerts.check-interval:5s}")
    public void check() {
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
        try {
            deliveries.deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Alert deliveries failed, the next pass tries again: {}", e.toString());
        }
    }
}
