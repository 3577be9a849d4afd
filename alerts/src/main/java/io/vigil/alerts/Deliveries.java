package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.kernel.hook.BackgroundAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the due attempts of pending deliveries: each claimed first (so no two nodes make it), sent through its
 * target's {@link Channel} (by the delivery's target name), and its outcome kept: DELIVERED when the target took it,
 * else tried again after the retry policy's backoff, FAILED after the last attempt, or at once when its target is no
 * longer configured on this node. A delivery that ends goes to the audit log.
 */
public final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    /** The most attempts one pass makes. */
    static final int BATCH = 20;

    private final DeliveryRepository deliveries;
    private final AlertRepository alerts;
    /** This pass's channels by target name (the delivery thread's only). */
    private final Map<String, Channel> channels = new LinkedHashMap<>();

    private final Supplier<List<Channel>> channelsNow;
    private final RetryPolicy retry;
    private final Duration claimMargin;
    private final Clock clock;
    private final BackgroundAudit audit;

    /**
     * The ways out: a channel per target (names unique), as they are at each pass (targets come and go through the API),
     * how they are retried; an attempt under way is claimed for its channel's longest attempt and {@code claimMargin}.
     */
    public record Route(Supplier<List<Channel>> channels, RetryPolicy retry, Duration claimMargin) {

        /** Fixed channels. */
        public Route(List<Channel> channels, RetryPolicy retry, Duration claimMargin) {
            this(() -> channels, retry, claimMargin);
        }
    }

    public Deliveries(
            DeliveryRepository deliveries, AlertRepository alerts, Route route, Clock clock, BackgroundAudit audit) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.channelsNow = route.channels();
        this.retry = route.retry();
        this.claimMargin = route.claimMargin();
        this.clock = clock;
        this.audit = audit;
    }

    /** Makes every attempt due now (at most {@link #BATCH}); returns how many were made. */
    public int deliverDue() {
        channels.clear();
        for (Channel c : channelsNow.get()) {
            if (channels.putIfAbsent(c.target().name(), c) != null) {
                LOG.warn(
                        "Two alert targets are named {}: the first is used",
                        c.target().name());
            }
        }
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
        Channel channel = channels.get(d.targetName());
        if (d.attempts() >= retry.maxAttempts() || alert.isEmpty() || channel == null) {
            // taken over after its last attempt was claimed and never recorded, its alert is gone, or its target
            if (deliveries.claim(d, now, now)) {
                ended(
                        d,
                        alert.map(Deliveries::firstCamera).orElse(null),
                        d.attempts(),
                        null,
                        alert.isEmpty()
                                ? "its alert is gone"
                                : channel == null
                                        ? "its target '" + d.targetName() + "' is not configured on this node"
                                        : "no attempt left");
            }
            return false;
        }
        if (!deliveries.claim(d, now, now.plus(channel.longestAttempt()).plus(claimMargin))) {
            return false; // another node has it
        }
        int attempt = d.attempts() + 1;
        Channel.Outcome outcome;
        try {
            outcome = channel.send(alert.get(), d);
        } catch (RuntimeException e) {
            outcome = Channel.Outcome.failed(null, "failed: " + e.getClass().getSimpleName());
        }
        if (outcome.delivered()) {
            deliveries.delivered(d.id(), clock.instant(), outcome.status());
            audit.record(
                    BackgroundAudit.Action.ALERT_DELIVERY,
                    firstCamera(alert.get()),
                    "alert " + d.alertId() + " DELIVERED to " + d.targetOrigin() + " ("
                            + (channel.target().kind() == AlertTarget.Kind.EMAIL ? "SMTP " : "HTTP ")
                            + outcome.status() + ", attempt " + attempt + ")",
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
