package io.vigil.alerts;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.alerts.webhook.WebhookSender;
import io.vigil.alerts.webhook.WebhookSignature;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.kernel.hook.BackgroundAudit;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the due attempts of pending deliveries: each claimed first (so no two nodes make it), sent, and its outcome
 * kept: DELIVERED on a 2xx answer, else tried again after the retry policy's backoff, FAILED after the last attempt.
 * A delivery that ends goes to the audit log.
 */
public final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    /** The most attempts one pass makes. */
    static final int BATCH = 20;

    private final DeliveryRepository deliveries;
    private final AlertRepository alerts;
    private final WebhookTarget webhook;
    private final WebhookSignature signature;
    private final WebhookSender sender;
    private final RetryPolicy retry;
    private final Duration claimFor;
    private final ObjectMapper json;
    private final Clock clock;
    private final BackgroundAudit audit;

    /** The ways out: where webhooks go, how they are signed, sent and retried; an attempt is claimed for claimFor. */
    public record Route(
            WebhookTarget webhook,
            WebhookSignature signature,
            WebhookSender sender,
            RetryPolicy retry,
            Duration claimFor) {}

    public Deliveries(
            DeliveryRepository deliveries,
            AlertRepository alerts,
            Route route,
            ObjectMapper json,
            Clock clock,
            BackgroundAudit audit) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.webhook = route.webhook();
        this.signature = route.signature();
        this.sender = route.sender();
        this.retry = route.retry();
        this.claimFor = route.claimFor();
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /** Makes every attempt due now (at most {@link #BATCH}); returns how many were made. */
    public int deliverDue() {
        int made = 0;
        for (Delivery d : deliveries.due(clock.instant(), BATCH)) {
            if (attempt(d)) {
                made++;
            }
        }
        return made;
    }

    private boolean attempt(Delivery d) {
        Instant now = clock.instant();
        Optional<Alert> alert = alerts.find(d.alertId());
        if (d.attempts() >= retry.maxAttempts() || alert.isEmpty()) {
            // taken over after its last attempt was claimed and never recorded, or its alert is gone
            if (deliveries.claim(d, now, now)) {
                ended(
                        d,
                        alert.map(Deliveries::firstCamera).orElse(null),
                        d.attempts(),
                        null,
                        alert.isEmpty() ? "its alert is gone" : "no attempt left");
            }
            return false;
        }
        if (!deliveries.claim(d, now, now.plus(claimFor))) {
            return false; // another node has it
        }
        int attempt = d.attempts() + 1;
        WebhookSender.Outcome outcome;
        try {
            byte[] body = json.writeValueAsBytes(AlertMessage.body(alert.get()));
            outcome = sender.send(webhook, signature, d.alertId(), d.id(), body);
        } catch (IOException | RuntimeException e) {
            outcome = new WebhookSender.Outcome(
                    false, null, "failed: " + e.getClass().getSimpleName());
        }
        if (outcome.delivered()) {
            deliveries.delivered(d.id(), clock.instant(), outcome.status());
            audit.record(
                    BackgroundAudit.Action.ALERT_DELIVERY,
                    firstCamera(alert.get()),
                    "alert " + d.alertId() + " DELIVERED to " + d.targetOrigin() + " (HTTP " + outcome.status()
                            + ", attempt " + attempt + ")",
                    false);
            return true;
        }
        Optional<Instant> next = retry.nextAttempt(attempt, clock.instant());
        if (next.isPresent()) {
            deliveries.attemptFailed(d.id(), outcome.status(), outcome.error(), next);
            LOG.info(
                    "Alert {} to {}: attempt {} {}; next at {}",
                    d.alertId(),
                    d.targetOrigin(),
                    attempt,
                    outcome.error(),
                    next.get());
        } else {
            ended(d, firstCamera(alert.get()), attempt, outcome.status(), outcome.error());
        }
        return true;
    }

    private void ended(Delivery d, String cameraId, int attempts, Integer status, String error) {
        deliveries.attemptFailed(d.id(), status, error, Optional.empty());
        LOG.warn("Alert {} to {} FAILED after {} attempt(s): {}", d.alertId(), d.targetOrigin(), attempts, error);
        audit.record(
                BackgroundAudit.Action.ALERT_DELIVERY,
                cameraId,
                "alert " + d.alertId() + " FAILED to reach " + d.targetOrigin() + " after " + attempts + " attempt(s): "
                        + error,
                true);
    }

    /** The camera a row about the alert names: its one camera, or none for a digest. */
    private static String firstCamera(Alert alert) {
        return alert.camera();
    }
}
