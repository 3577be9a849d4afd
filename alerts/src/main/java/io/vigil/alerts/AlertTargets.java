package io.vigil.alerts;

import io.vigil.alerts.api.AlertSettings;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.email.EmailConfig;
import io.vigil.alerts.webhook.WebhookTarget;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where alerts go: the configured alert targets, the webhook ({@code vigil.alerts.webhook-url}) then e-mail
 * ({@code vigil.alerts.email.host}); each alert gets a delivery to each.
 */
@Singleton
public class AlertTargets {

    private final List<AlertTarget> targets;

    @Inject
    public AlertTargets(AlertsConfig config, EmailConfig email) {
        this(configured(config, email));
    }

    /** The webhook alone, or no target when null (tests). */
    AlertTargets(WebhookTarget webhook) {
        this(webhook == null ? List.of() : List.of(new AlertTarget.Webhook(webhook)));
    }

    public AlertTargets(List<AlertTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    private static List<AlertTarget> configured(AlertsConfig config, EmailConfig email) {
        List<AlertTarget> targets = new ArrayList<>();
        config.webhook().ifPresent(url -> targets.add(new AlertTarget.Webhook(url)));
        if (email.configured()) {
            targets.add(new AlertTarget.Email(email));
        }
        return targets;
    }

    /** Every target, the webhook first. */
    public List<AlertTarget> all() {
        return targets;
    }

    /** Each target as people see it: name, kind, origin. */
    public List<AlertSettings.Target> shown() {
        return targets.stream()
                .map(t -> new AlertSettings.Target(t.name(), t.kind().name(), t.origin()))
                .toList();
    }

    /** A new PENDING delivery of {@code alert} to each target. */
    public List<Delivery> deliveriesOf(Alert alert) {
        return targets.stream()
                .map(t -> Delivery.pending(UUID.randomUUID().toString(), alert.id(), t.name(), t.origin(), alert.at()))
                .toList();
    }
}
