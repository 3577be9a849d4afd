package io.vigil.alerts.webhook;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.Channel;
import io.vigil.alerts.delivery.Delivery;
import java.io.IOException;
import java.time.Duration;

/** The webhook's channel: the alert's JSON body, signed, POSTed once by the {@link WebhookSender}. */
public final class WebhookChannel implements Channel {

    private final AlertTarget.Webhook target;
    private final WebhookSignature signature;
    private final WebhookSender sender;
    private final ObjectMapper json;

    public WebhookChannel(
            AlertTarget.Webhook target, WebhookSignature signature, WebhookSender sender, ObjectMapper json) {
        this.target = target;
        this.signature = signature;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public AlertTarget target() {
        return target;
    }

    @Override
    public Duration longestAttempt() {
        return sender.longestAttempt();
    }

    @Override
    public Outcome send(Alert alert, Delivery delivery) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(AlertMessage.body(alert));
        } catch (IOException e) {
            return Outcome.failed(null, "failed: " + e.getClass().getSimpleName());
        }
        return sender.send(target.url(), signature, alert.id(), delivery.id(), body);
    }
}
