package io.vigil.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.alerts.webhook.WebhookChannel;
import io.vigil.alerts.webhook.WebhookSecret;
import io.vigil.alerts.webhook.WebhookSender;
import io.vigil.alerts.webhook.WebhookSignature;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.kernel.TestClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries to a real webhook receiver on loopback that checks the signature and fails the first attempts: backoff
 * in the injected clock's time, the outcome kept, the audit rows, and no URL path or secret in any error.
 */
class WebhookDeliveryTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    static final String SECRET = "whsec_delivery-test-secret";
    static final RetryPolicy RETRY = new RetryPolicy(4, 5_000, 60_000);

    final TestClock clock = new TestClock(T);
    final DeliveryFixture fixture = new DeliveryFixture(clock);
    final List<String> audit = fixture.audit;
    WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    Deliveries deliveries(String url, Duration answerTimeout) {
        WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), answerTimeout, clock);
        return fixture.deliveries(
                RETRY,
                new WebhookChannel(
                        target(url),
                        new WebhookSignature(WebhookSecret.of(SECRET)),
                        sender,
                        ObjectMapper.getDefault()));
    }

    static AlertTarget.Webhook target(String url) {
        return new AlertTarget.Webhook(WebhookTarget.of(url));
    }

    /** An alert about dock with one pending delivery to {@code url}, due now. */
    Delivery alertFor(String url) {
        return fixture.alertFor(target(url));
    }

    Delivery row(Delivery d) {
        return fixture.row(d);
    }

    @Test
    void aFailingReceiverIsRetriedWithDoublingWaitsUntilItAcceptsTheSignedAlert() throws Exception {
        receiver = new WebhookReceiver(SECRET, 2, clock);
        Deliveries deliveries = deliveries(receiver.url(), Duration.ofSeconds(5));
        Delivery d = alertFor(receiver.url());

        assertEquals(1, deliveries.deliverDue());
        assertEquals(1, receiver.received.size());
        assertEquals(Delivery.State.PENDING, row(d).state());
        assertEquals(503, row(d).lastStatus());
        assertEquals(T.plusSeconds(5), row(d).nextAttemptAt(), "first wait");

        assertEquals(0, deliveries.deliverDue(), "not due before its wait");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, deliveries.deliverDue());
        assertEquals(T.plusSeconds(5 + 10), row(d).nextAttemptAt(), "the wait doubled");

        clock.advance(Duration.ofMillis(9_999));
        assertEquals(0, deliveries.deliverDue());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, deliveries.deliverDue());

        Delivery done = row(d);
        assertEquals(Delivery.State.DELIVERED, done.state());
        assertEquals(3, done.attempts());
        assertEquals(204, done.lastStatus());
        assertEquals(T.plusSeconds(15), done.deliveredAt());
        assertEquals(3, receiver.received.size());
        for (WebhookReceiver.Received r : receiver.received) {
            assertTrue(r.verified(), "every attempt signed: " + r.signature());
            assertEquals(d.alertId(), r.alertId());
            assertEquals(d.id(), r.deliveryId(), "the same delivery id on every attempt");
            assertEquals("/hook/SECRETPATH?token=SECRETQUERY", r.path());
        }
        AlertMessage.Body body =
                ObjectMapper.getDefault().readValue(receiver.received.get(2).body(), AlertMessage.Body.class);
        assertEquals(d.alertId(), body.id());
        assertEquals("alert.firing", body.type());
        assertEquals("Camera dock is OFFLINE (for 31 s)", body.summary());
        assertEquals(List.of(new AlertMessage.BodyCamera("dock", "OFFLINE", "2026-12-07T11:59:29Z")), body.cameras());
        assertEquals(
                List.of("ALERT_DELIVERY dock alert " + d.alertId() + " DELIVERED to "
                        + WebhookTarget.of(receiver.url()).origin() + " (HTTP 204, attempt 3)"),
                audit);
    }

    @Test
    void aReceiverWithAnotherSecretRefusesEveryAttemptAndTheDeliveryFailsAfterTheLast() throws Exception {
        receiver = new WebhookReceiver("whsec_not-the-same-secret", 0, clock);
        Deliveries deliveries = deliveries(receiver.url(), Duration.ofSeconds(5));
        Delivery d = alertFor(receiver.url());
        for (int attempt = 1; attempt <= RETRY.maxAttempts(); attempt++) {
            assertEquals(1, deliveries.deliverDue(), "attempt " + attempt);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(0, deliveries.deliverDue(), "no attempt after the last");
        Delivery failed = row(d);
        assertEquals(Delivery.State.FAILED, failed.state());
        assertEquals(4, failed.attempts());
        assertEquals(401, failed.lastStatus());
        assertEquals(4, receiver.received.size());
        assertTrue(receiver.received.stream().noneMatch(WebhookReceiver.Received::verified));
        assertEquals(1, audit.size());
        assertTrue(
                audit.get(0).startsWith("ALERT_DELIVERY dock alert " + d.alertId() + " FAILED to reach"), audit.get(0));
        assertTrue(audit.get(0).endsWith("after 4 attempt(s): answered HTTP 401 [failed]"), audit.get(0));
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeOrCannotBeReachedIsRetriedAndNamedByItsOriginOnly() throws Exception {
        receiver = new WebhookReceiver(SECRET, 0, clock);
        receiver.hold();
        Delivery slow = alertFor(receiver.url());
        assertEquals(1, deliveries(receiver.url(), Duration.ofMillis(300)).deliverDue());
        assertEquals("no answer within 300 ms", row(slow).lastError());
        assertEquals(null, row(slow).lastStatus());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + closedPort + "/hook/SECRETPATH";
        Delivery refused = alertFor(closed); // the slow one waits for its next attempt, 5 s on
        assertEquals(1, deliveries(closed, Duration.ofSeconds(5)).deliverDue());
        assertEquals(
                "cannot connect to http://127.0.0.1:" + closedPort, row(refused).lastError());
        for (Delivery d : List.of(row(slow), row(refused))) {
            assertFalse(d.lastError().contains("SECRET"), d.lastError());
            assertEquals(Delivery.State.PENDING, d.state());
        }
        assertFalse(new String(receiver.received.get(0).body(), UTF_8).contains(SECRET));
    }
}
