package io.vigil.alerts;

import io.vigil.alerts.api.AlertSettings;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.webhook.WebhookTarget;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Where alerts go: a delivery per configured target for each alert (the webhook). */
@Singleton
public class AlertTargets {

    private final WebhookTarget webhook;

    @Inject
    public AlertTargets(AlertsConfig config) {
        this.webhook = config.webhook().orElse(null);
    }

    AlertTargets(WebhookTarget webhook) {
        this.webhook = webhook;
    }

    /** Each target as people see it: name, kind, origin. */
    public List<AlertSettings.Target> shown() {
        return webhook == null
                ? List.of()
                : List.of(new AlertSettings.Target(AlertChecker.WEBHOOK, "WEBHOOK", webhook.origin()));
    }

    /** A new PENDING delivery of {@code alert} to each target. */
    public List<Delivery> deliveriesOf(Alert alert) {
        if (webhook == null) {
            return List.of();
        }
        return List.of(Delivery.pending(
                UUID.randomUUID().toString(), alert.id(), AlertChecker.WEBHOOK, webhook.origin(), alert.at()));
    }
}
