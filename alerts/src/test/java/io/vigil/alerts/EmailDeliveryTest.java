package io.vigil.alerts;

import static io.vigil.alerts.email.EmailConfig.Security.NONE;
import static io.vigil.alerts.email.EmailConfig.Security.STARTTLS;
import static io.vigil.alerts.email.EmailConfig.Security.TLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.alerts.email.EmailChannel;
import io.vigil.alerts.email.EmailConfig;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.CameraObservation;
import io.vigil.alerts.plan.DigestPolicy;
import io.vigil.alerts.webhook.WebhookChannel;
import io.vigil.alerts.webhook.WebhookSecret;
import io.vigil.alerts.webhook.WebhookSender;
import io.vigil.alerts.webhook.WebhookSignature;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.camera.CameraStatus;
import io.vigil.kernel.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts by e-mail to a real SMTP server on loopback ({@link SmtpReceiver}: aiosmtpd with STARTTLS required and AUTH
 * checked): the message as a person and a machine read it, a refused login retried then FAILED without the password
 * anywhere, no login and no message to a server without STARTTLS or with an untrusted certificate.
 */
class EmailDeliveryTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    static final String USER = "vigil-alerts";
    static final String PASSWORD = "Right-PASSWORD-4f9e";
    static final RetryPolicy RETRY = new RetryPolicy(3, 5_000, 60_000);

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(T);
    final DeliveryFixture fixture = new DeliveryFixture(clock);
    final List<String> audit = fixture.audit;
    SmtpReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    EmailConfig server(EmailConfig.Security security, String password, Path caFile) {
        return new EmailConfig(
                "127.0.0.1",
                receiver.port(),
                security,
                USER,
                password,
                "Vigil <vigil@example.com>",
                List.of("ops@example.com", "On Call <oncall@example.org>"),
                caFile);
    }

    EmailChannel channel(EmailConfig server) {
        return new EmailChannel(
                new AlertTarget.Email(server),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                ObjectMapper.getDefault(),
                clock);
    }

    Deliveries deliveries(Channel... channels) {
        return fixture.deliveries(RETRY, channels);
    }

    Delivery alertFor(AlertTarget target) {
        return fixture.alertFor(target);
    }

    Delivery row(Delivery d) {
        return fixture.row(d);
    }

    /** The receiver's events, an AUTH line without its mechanism (Jakarta Mail picks LOGIN or PLAIN). */
    List<String> events() throws Exception {
        return receiver.events().stream()
                .map(e -> e.startsWith("AUTH ") ? "AUTH " + e.substring(e.lastIndexOf(' ') + 1) : e)
                .toList();
    }

    @Test
    void anAlertIsOneEmailWithTheSummaryAsSubjectTheCameraInTextTheJsonAttachedAndTheDeliveryIdAsMessageId()
            throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.STARTTLS, USER, PASSWORD);
        EmailChannel channel = channel(server(STARTTLS, PASSWORD, SmtpReceiver.certificatePath(dir)));
        Delivery d = alertFor(channel.target());
        assertEquals(
                Duration.ofSeconds(5 + 10 * (11 + 2)),
                channel.longestAttempt(),
                "connect, then each answer of a session to 2 recipients in full: how long an attempt is claimed");

        assertEquals(1, deliveries(channel).deliverDue());

        Delivery done = row(d);
        assertEquals(Delivery.State.DELIVERED, done.state(), String.valueOf(done.lastError()));
        assertEquals(1, done.attempts());
        assertEquals(250, done.lastStatus());
        assertEquals("email", done.targetName());
        assertEquals("smtp://127.0.0.1:" + receiver.port(), done.targetOrigin());
        assertEquals(
                List.of("CONNECT", "EHLO", "STARTTLS", "EHLO", "AUTH ok", "MAIL", "RCPT", "RCPT", "DATA"), events());
        List<MimeMessage> messages = receiver.messages();
        assertEquals(1, messages.size());
        MimeMessage mail = messages.get(0);
        assertEquals("Camera dock is OFFLINE (for 31 s)", mail.getSubject());
        assertEquals("<" + d.id() + "@example.com>", mail.getMessageID());
        assertEquals(d.alertId(), mail.getHeader("Vigil-Alert-Id")[0]);
        assertEquals(d.id(), mail.getHeader("Vigil-Delivery-Id")[0]);
        assertEquals("Vigil <vigil@example.com>", mail.getFrom()[0].toString());
        assertEquals(
                List.of("ops@example.com", "oncall@example.org"),
                Arrays.stream(mail.getAllRecipients())
                        .map(a -> ((InternetAddress) a).getAddress())
                        .toList());
        assertEquals(T, mail.getSentDate().toInstant());

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("dock OFFLINE since 2026-12-07 11:59:29 UTC (2026-12-07T11:59:29Z)"), text);
        assertTrue(text.contains("2026-12-07 12:00:00 UTC (2026-12-07T12:00:00Z), decided by node n1"), text);
        BodyPart attached = parts.getBodyPart(1);
        assertTrue(attached.getContentType().startsWith("application/json"), attached.getContentType());
        assertEquals("alert-" + d.alertId() + ".json", attached.getFileName());
        AlertMessage.Body body =
                ObjectMapper.getDefault().readValue(attached.getInputStream().readAllBytes(), AlertMessage.Body.class);
        assertEquals(d.alertId(), body.id());
        assertEquals("alert.firing", body.type());
        assertEquals(List.of(new AlertMessage.BodyCamera("dock", "OFFLINE", "2026-12-07T11:59:29Z")), body.cameras());
        assertEquals(
                List.of("ALERT_DELIVERY dock alert " + d.alertId() + " DELIVERED to smtp://127.0.0.1:" + receiver.port()
                        + " (SMTP 250, attempt 1)"),
                audit);
    }

    @Test
    void aRefusedLoginIsRetriedLikeAWebhookThenFailedWithItsAuditRowAndThePasswordNowhere() throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.STARTTLS, USER, PASSWORD);
        String wrong = "Wrong-PASSWORD-77c1";
        EmailChannel channel = channel(server(STARTTLS, wrong, SmtpReceiver.certificatePath(dir)));
        Delivery d = alertFor(channel.target());
        Deliveries deliveries = deliveries(channel);
        String refused =
                "the server smtp://127.0.0.1:" + receiver.port() + " refused the login (user name or password)";

        assertEquals(1, deliveries.deliverDue());
        assertEquals(Delivery.State.PENDING, row(d).state());
        assertEquals(refused, row(d).lastError());
        assertEquals(535, row(d).lastStatus());
        assertEquals(T.plusSeconds(5), row(d).nextAttemptAt());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, deliveries.deliverDue());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, deliveries.deliverDue());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, deliveries.deliverDue(), "no attempt after the last");

        Delivery failed = row(d);
        assertEquals(Delivery.State.FAILED, failed.state());
        assertEquals(3, failed.attempts());
        assertEquals(refused, failed.lastError());
        assertEquals(
                List.of("ALERT_DELIVERY dock alert " + d.alertId() + " FAILED to reach smtp://127.0.0.1:"
                        + receiver.port() + " after 3 attempt(s): " + refused + " [failed]"),
                audit);
        assertEquals(List.of(), receiver.messages());
        List<String> events = events();
        assertEquals(3, events.stream().filter(e -> e.equals("STARTTLS")).count(), events.toString());
        assertTrue(
                events.stream().filter(e -> e.startsWith("AUTH")).allMatch(e -> e.equals("AUTH refused")),
                events.toString());
        assertFalse(events.contains("MAIL"), events.toString());
        for (String shown :
                List.of(failed.toString(), audit.toString(), channel.target().toString())) {
            assertFalse(shown.contains("PASSWORD"), shown);
        }
    }

    @Test
    void aServerThatDoesNotOfferStarttlsGetsNoLoginAndNoMessage() throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.NONE, USER, PASSWORD);
        EmailChannel channel = channel(server(STARTTLS, PASSWORD, SmtpReceiver.certificatePath(dir)));
        Delivery d = alertFor(channel.target());

        assertEquals(1, deliveries(channel).deliverDue());

        assertEquals(Delivery.State.PENDING, row(d).state());
        assertEquals(
                "the server smtp://127.0.0.1:" + receiver.port()
                        + " does not offer STARTTLS, which security STARTTLS requires: nothing sent",
                row(d).lastError());
        assertEquals(List.of("CONNECT", "EHLO"), events());
        assertEquals(List.of(), receiver.messages());

        // the same server takes the login and the message in the clear from a client that does not insist (NONE,
        // allowed on loopback only): the receiver would have seen them
        EmailChannel clear = channel(server(NONE, PASSWORD, null));
        Delivery plain = alertFor(clear.target());
        assertEquals(1, deliveries(clear).deliverDue());
        assertEquals(
                Delivery.State.DELIVERED,
                row(plain).state(),
                String.valueOf(row(plain).lastError()));
        assertEquals(
                List.of("CONNECT", "EHLO", "CONNECT", "EHLO", "AUTH ok", "MAIL", "RCPT", "RCPT", "DATA"), events());
    }

    @Test
    void aCertificateTheJvmDoesNotTrustFailsTheAttemptWithATlsErrorBeforeAnyLogin() throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.STARTTLS, USER, PASSWORD);
        EmailChannel channel = channel(server(STARTTLS, PASSWORD, null));
        Delivery d = alertFor(channel.target());

        assertEquals(1, deliveries(channel).deliverDue());

        assertEquals(Delivery.State.PENDING, row(d).state());
        assertEquals(
                "TLS failed: the certificate of smtp://127.0.0.1:" + receiver.port()
                        + " is not trusted (see vigil.alerts.email.ca-file)",
                row(d).lastError());
        assertEquals(List.of("CONNECT", "EHLO"), events(), "the handshake failed: no STARTTLS completed, no AUTH");
        assertEquals(List.of(), receiver.messages());
    }

    @Test
    void aTrustedCertificateThatDoesNotNameTheHostIsRefused() throws Exception {
        SmtpReceiver.certificate(dir, "mail.example.net", "DNS:mail.example.net");
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.STARTTLS, USER, PASSWORD);
        EmailChannel channel = channel(server(STARTTLS, PASSWORD, SmtpReceiver.certificatePath(dir)));
        Delivery d = alertFor(channel.target());

        assertEquals(1, deliveries(channel).deliverDue());

        assertEquals(
                "TLS failed: the certificate of smtp://127.0.0.1:" + receiver.port() + " does not name its host",
                row(d).lastError());
        assertFalse(events().contains("AUTH ok"));
        assertEquals(List.of(), receiver.messages());
    }

    @Test
    void implicitTlsDeliversFromTheFirstByte() throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.IMPLICIT, USER, PASSWORD);
        EmailChannel channel = channel(server(TLS, PASSWORD, SmtpReceiver.certificatePath(dir)));
        Delivery d = alertFor(channel.target());

        assertEquals(1, deliveries(channel).deliverDue());

        assertEquals(Delivery.State.DELIVERED, row(d).state(), String.valueOf(row(d).lastError()));
        assertEquals(List.of("CONNECT", "EHLO", "AUTH ok", "MAIL", "RCPT", "RCPT", "DATA"), events());
        assertEquals(1, receiver.messages().size());
    }

    @Test
    void withTheWebhookAndEmailConfiguredEachAlertHasOneDeliveryToEachAndBothArrive() throws Exception {
        receiver = new SmtpReceiver(dir, SmtpReceiver.Tls.STARTTLS, USER, PASSWORD);
        EmailChannel email = channel(server(STARTTLS, PASSWORD, SmtpReceiver.certificatePath(dir)));
        String secret = "whsec_both-targets-secret";
        try (WebhookReceiver hook = new WebhookReceiver(secret, 0, clock)) {
            WebhookChannel webhook = new WebhookChannel(
                    new AlertTarget.Webhook(WebhookTarget.of(hook.url())),
                    new WebhookSignature(WebhookSecret.of(secret)),
                    new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5), clock),
                    ObjectMapper.getDefault());
            List<CameraObservation> cameras = new ArrayList<>(List.of(
                    new CameraObservation("dock", CameraStatus.State.OFFLINE, T),
                    new CameraObservation("gate", CameraStatus.State.OFFLINE, T)));
            AlertChecker checker = new AlertChecker(
                    fixture.alerts,
                    () -> new CameraStates.Look(List.copyOf(cameras), Set.of("dock", "gate")),
                    new AlertChecker.Settings(
                            List.of(AlertRule.cameraDown(30_000)),
                            new DigestPolicy(3, 10_000),
                            List.of(webhook.target(), email.target()),
                            "n1"),
                    clock,
                    fixture.auditLog);
            clock.advance(Duration.ofSeconds(30));
            List<Alert> fired = checker.check();
            assertEquals(2, fired.size(), "dock and gate, two cameras: no digest");
            for (Alert alert : fired) {
                assertEquals(
                        List.of("webhook " + webhook.target().origin(), "email smtp://127.0.0.1:" + receiver.port()),
                        fixture.rows.forAlert(alert.id()).stream()
                                .map(d -> d.targetName() + " " + d.targetOrigin())
                                .sorted((a, b) -> b.compareTo(a))
                                .toList());
            }

            assertEquals(4, deliveries(webhook, email).deliverDue());

            for (Alert alert : fired) {
                assertTrue(fixture.rows.forAlert(alert.id()).stream()
                        .allMatch(d -> d.state() == Delivery.State.DELIVERED));
            }
            assertEquals(
                    fired.stream().map(Alert::id).sorted().toList(),
                    hook.received.stream()
                            .map(WebhookReceiver.Received::alertId)
                            .sorted()
                            .toList());
            List<String> mailed = new ArrayList<>();
            for (MimeMessage mail : receiver.messages()) {
                mailed.add(mail.getHeader("Vigil-Alert-Id")[0]);
            }
            assertEquals(
                    fired.stream().map(Alert::id).sorted().toList(),
                    mailed.stream().sorted().toList());
        }
    }

    @Test
    void aPendingEmailDeliveryOnANodeWithoutEmailEndsFailedAtOnceSayingSo() {
        EmailConfig elsewhere = new EmailConfig(
                "smtp.example.com", null, STARTTLS, null, null, "vigil@example.com", List.of("ops@example.com"), null);
        Delivery d = alertFor(new AlertTarget.Email(elsewhere));
        WebhookChannel webhookOnly = new WebhookChannel(
                new AlertTarget.Webhook(WebhookTarget.of("http://127.0.0.1:9/hook")),
                new WebhookSignature(WebhookSecret.of("whsec_webhook-only-secret")),
                new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1), clock),
                ObjectMapper.getDefault());

        assertEquals(0, deliveries(webhookOnly).deliverDue(), "no attempt made");

        Delivery failed = row(d);
        assertEquals(Delivery.State.FAILED, failed.state());
        assertEquals(1, failed.attempts(), "the claim that ended it is counted, as for an alert that is gone");
        assertEquals("its target 'email' is not configured on this node", failed.lastError());
        assertEquals(
                List.of("ALERT_DELIVERY dock alert " + d.alertId() + " FAILED to reach smtp://smtp.example.com:587 "
                        + "after 0 attempt(s): its target 'email' is not configured on this node [failed]"),
                audit);
    }
}
