package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.SmtpReceiver;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Alerts against the real parts: a GStreamer camera killed and started again, the S3 server process killed and started
 * again, the alerts POSTed to a receiver that checks each signature itself and, as the second target, e-mailed through
 * a real SMTP server on loopback ({@code tools/smtp_receiver.py}: STARTTLS required, its self-signed certificate
 * trusted through {@code vigil.alerts.email.ca-file}, AUTH with a password that must show nowhere). Delays are short
 * here (2 s); the rules are the defaults'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsEndToEndTest {

    static final String SECRET = "whsec_e2e-alerts-0123456789abcdef";
    static final String SMTP_USER = "vigil-alerts";
    static final String SMTP_PASSWORD = "e2e-SMTP-password-5b1c";

    private Path work;
    private Path clip;
    private S3ServerProcess s3;
    private AlertReceiver receiver;
    private SmtpReceiver smtp;
    private VigilHarness vigil;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-alerts");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        clip = ExternalTools.clip(clips, false);
        s3 = new S3ServerProcess(work.resolve("s3"), CameraSimulator.freePort());
        receiver = new AlertReceiver(SECRET);
        smtp = new SmtpReceiver(work, SmtpReceiver.Tls.STARTTLS, SMTP_USER, SMTP_PASSWORD);
        vigil = new VigilHarness(
                work,
                Map.ofEntries(
                        Map.entry("vigil.storage.endpoint", s3.endpoint()),
                        Map.entry("vigil.storage.access-key", S3ServerProcess.ACCESS_KEY),
                        Map.entry("vigil.storage.secret-key", S3ServerProcess.SECRET_KEY),
                        Map.entry("vigil.storage.bucket", "vigil-alerts"),
                        Map.entry("vigil.recorder.backoff-max", "2s"),
                        Map.entry("vigil.alerts.webhook-url", receiver.url()),
                        Map.entry("vigil.alerts.webhook-secret", SECRET),
                        Map.entry("vigil.alerts.email.host", "127.0.0.1"),
                        Map.entry("vigil.alerts.email.port", smtp.port()),
                        Map.entry("vigil.alerts.email.username", SMTP_USER),
                        Map.entry("vigil.alerts.email.password", SMTP_PASSWORD),
                        Map.entry("vigil.alerts.email.from", "Vigil <vigil@example.com>"),
                        Map.entry("vigil.alerts.email.to", "ops@example.com,oncall@example.org"),
                        Map.entry(
                                "vigil.alerts.email.ca-file",
                                SmtpReceiver.certificatePath(work).toString()),
                        Map.entry("vigil.alerts.down-delay", "2s"),
                        Map.entry("vigil.alerts.fault-delay", "2s"),
                        Map.entry("vigil.alerts.check-interval", "500ms"),
                        Map.entry("vigil.alerts.event-rules.dock-person.label", "person"),
                        Map.entry("vigil.alerts.event-rules.dock-person.cameras", "dock")));
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aCameraKilledSendsOneAlertAndOneRecovery() throws Exception {
        CameraSimulator camera = new CameraSimulator(Map.of("dock", clip), Map.of(), 0, 0, false);
        int port = camera.port;
        try {
            assertEquals(
                    201,
                    vigil.send("POST", "/api/cameras", """
                    {"id": "dock", "url": "%s"}""".formatted(camera.url("dock")))
                            .statusCode());
            vigil.await("dock RECORDING", Duration.ofSeconds(30), () -> "RECORDING".equals(vigil.stateQuietly("dock")));

            // an event rule: a "person" on dock is one alert; another within the minute's cooldown is none
            for (int i = 0; i < 2; i++) {
                assertEquals(
                        201,
                        vigil.send("POST", "/api/events", """
                        {"cameraIds": ["dock"], "at": "%s", "label": "Person", "source": "analytics"}""".formatted(java.time.Instant.now()))
                                .statusCode());
            }
            vigil.await(
                    "the event alert",
                    Duration.ofSeconds(20),
                    () -> !receiver.matching("\"rule\":\"dock-person\"").isEmpty());
            String eventAlert = receiver.matching("\"rule\":\"dock-person\"").get(0);
            assertTrue(eventAlert.contains("\"summary\":\"Event \\\"Person\\\" on dock at "), eventAlert);
            assertTrue(eventAlert.contains("\"source\":\"analytics\""), eventAlert);
            String kept = vigil.send("GET", "/api/alerts?limit=200", null).body();
            assertEquals(1, kept.split("\"rule\":\"dock-person\"", -1).length - 1, "one event alert kept: " + kept);
            camera.close();
            vigil.await(
                    "one signed alert that dock is down",
                    Duration.ofSeconds(30),
                    () -> !receiver.matching("\"type\":\"alert.firing\"", "\"rule\":\"camera-down\"", "\"id\":\"dock\"")
                            .isEmpty());
            String firing = receiver.matching(
                            "\"type\":\"alert.firing\"", "\"rule\":\"camera-down\"", "\"id\":\"dock\"")
                    .get(0);
            assertTrue(firing.matches(".*\"state\":\"(OFFLINE|UNAUTHORIZED)\".*"), firing);

            camera = new CameraSimulator(Map.of("dock", clip), Map.of(), port, 0, false);
            vigil.await(
                    "one signed recovery of dock",
                    Duration.ofSeconds(40),
                    () -> !receiver.matching(
                                    "\"type\":\"alert.recovery\"", "\"rule\":\"camera-down\"", "\"id\":\"dock\"")
                            .isEmpty());
            awaitTwoMoreChecks(); // nothing more is sent for dock
            assertEquals(
                    1,
                    receiver.matching("\"type\":\"alert.firing\"", "\"rule\":\"camera-down\"", "\"id\":\"dock\"")
                            .size(),
                    "one alert");
            assertEquals(
                    1,
                    receiver.matching("\"type\":\"alert.recovery\"", "\"rule\":\"camera-down\"", "\"id\":\"dock\"")
                            .size(),
                    "one recovery");
            assertEquals(List.of(), receiver.refused, "every request was signed with the secret");
            vigil.await(
                    "the same two alerts e-mailed",
                    Duration.ofSeconds(10),
                    () -> mailsAbout("dock").size() == 2);
            List<MimeMessage> mails = mailsAbout("dock");
            assertTrue(
                    mails.get(0).getSubject().matches("Camera dock is (OFFLINE|UNAUTHORIZED) .*"),
                    mails.get(0).getSubject());
            assertEquals("Camera dock is RECORDING again", mails.get(1).getSubject());
            String deliveryId = mails.get(0).getHeader("Vigil-Delivery-Id")[0];
            assertEquals("<" + deliveryId + "@example.com>", mails.get(0).getMessageID());
            List<String> events = smtp.events();
            assertTrue(
                    events.indexOf("STARTTLS") >= 0 && events.indexOf("STARTTLS") < events.indexOf("MAIL"),
                    events.toString());

            HttpResponse<String> listed = vigil.send("GET", "/api/alerts?limit=200", null);
            assertEquals(200, listed.statusCode());
            assertTrue(listed.body().contains("\"state\":\"DELIVERED\""), listed.body());
            assertTrue(
                    !listed.body().contains("/hooks/vigil"), "a target is shown by its origin only: " + listed.body());
            assertTrue(listed.body().contains("\"id\":\"" + deliveryId + "\""), listed.body());
            assertTrue(
                    listed.body().contains("\"targetOrigin\":\"smtp://127.0.0.1:" + smtp.port() + "\""), listed.body());
            assertTrue(!listed.body().contains("\"state\":\"FAILED\""), listed.body());
            vigil.assertNeverShown(SECRET);
            vigil.assertNeverShown(SMTP_PASSWORD);
        } finally {
            camera.close();
            vigil.send("DELETE", "/api/cameras/dock", null);
        }
    }

    @Test
    void aStoreOutageSendsOneAlertAndOneRecovery() throws Exception {
        int before = receiver.matching("\"key\":\"store-unreachable\"").size();
        s3.kill();
        try {
            vigil.await(
                    "one signed alert that the store does not answer",
                    Duration.ofSeconds(30),
                    () -> receiver.matching("\"type\":\"alert.firing\"", "\"key\":\"store-unreachable\"")
                                    .size()
                            == 1);
        } finally {
            s3.start();
        }
        vigil.await(
                "one recovery once the store answers",
                Duration.ofSeconds(30),
                () -> receiver.matching("\"type\":\"alert.recovery\"", "\"key\":\"store-unreachable\"")
                                .size()
                        == 1);
        awaitTwoMoreChecks();
        assertEquals(
                before + 2, receiver.matching("\"key\":\"store-unreachable\"").size(), "one alert, one recovery");
        String firing = receiver.matching("\"type\":\"alert.firing\"", "\"key\":\"store-unreachable\"")
                .get(0);
        assertTrue(firing.contains("\"rule\":\"service-fault\"") && firing.contains("\"cameras\":[]"), firing);
    }

    @Test
    void theSettingsShowTheTargetByItsOriginAndATestAlertIsDelivered() throws Exception {
        String settings = vigil.send("GET", "/api/alerts/settings", null).body();
        String origin = receiver.url().substring(0, receiver.url().indexOf("/hooks"));
        assertTrue(settings.contains("\"shown\":\"" + origin + "\""), settings);
        assertTrue(!settings.contains("/hooks/vigil") && !settings.contains(SECRET), settings);
        assertTrue(
                settings.contains("\"kind\":\"EMAIL\",\"shown\":\"smtp://127.0.0.1:" + smtp.port() + "\""), settings);
        assertTrue(!settings.contains(SMTP_PASSWORD) && !settings.contains(SMTP_USER), settings);
        assertTrue(settings.contains("\"name\":\"dock-person\",\"source\":\"SETTINGS\",\"kind\":\"EVENT\""), settings);
        assertTrue(settings.contains("\"name\":\"camera-down\",\"source\":\"SETTINGS\",\"kind\":\"CAMERA\""), settings);

        HttpResponse<String> test = vigil.send("POST", "/api/alerts/test", null);
        assertEquals(202, test.statusCode(), test.body());
        String id = VigilHarness.field(test.body(), "id");
        vigil.await(
                "the test alert delivered",
                Duration.ofSeconds(20),
                () -> receiver.alerts.stream().anyMatch(a -> a.contains(id) && a.contains("\"rule\":\"test\"")));
        vigil.await("its delivery DELIVERED", Duration.ofSeconds(10), () -> {
            try {
                return vigil.send("GET", "/api/alerts/" + id, null).body().contains("\"state\":\"DELIVERED\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void anEventRuleMadeThroughTheApiSendsAlertsUntilItIsDeleted() throws Exception {
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", """
                {"id": "yard", "url": "rtsp://127.0.0.1:%d/x"}""".formatted(CameraSimulator.freePort()))
                        .statusCode());
        try {
            HttpResponse<String> bad = vigil.send("POST", "/api/alerts/rules", """
                    {"name": "Yard Car", "label": "", "cooldownSeconds": -1}""");
            assertEquals(400, bad.statusCode());
            assertTrue(
                    bad.body().contains("\"name\"")
                            && bad.body().contains("\"label\"")
                            && bad.body().contains("\"cooldownSeconds\""),
                    bad.body());
            assertEquals(201, vigil.send("POST", "/api/alerts/rules", """
                    {"name": "yard-car", "label": "car", "cameraIds": ["yard"], "cooldownSeconds": 0}""").statusCode());
            assertEquals(
                    409, vigil.send("POST", "/api/alerts/rules", """
                    {"name": "dock-person", "label": "car"}""").statusCode(), "a settings rule's name is taken");
            assertEquals(
                    409,
                    vigil.send("DELETE", "/api/alerts/rules/dock-person", null).statusCode());
            assertTrue(vigil.send("GET", "/api/alerts/settings", null)
                    .body()
                    .contains("\"name\":\"yard-car\",\"source\":\"API\",\"kind\":\"EVENT\""));

            postEvent("yard", "car");
            assertEquals(1, kept("yard-car"), "the API's rule sent one alert");
            vigil.await(
                    "the yard-car alert received",
                    Duration.ofSeconds(20),
                    () -> !receiver.matching("\"rule\":\"yard-car\"").isEmpty());

            assertEquals(
                    204,
                    vigil.send("DELETE", "/api/alerts/rules/yard-car", null).statusCode());
            assertEquals(
                    404,
                    vigil.send("DELETE", "/api/alerts/rules/yard-car", null).statusCode());
            postEvent("yard", "car");
            assertEquals(1, kept("yard-car"), "deleted: no more");
        } finally {
            vigil.send("DELETE", "/api/cameras/yard", null);
        }
    }

    private void postEvent(String camera, String label) throws Exception {
        HttpResponse<String> posted =
                vigil.send("POST", "/api/events", """
                {"cameraIds": ["%s"], "at": "%s", "label": "%s"}""".formatted(camera, java.time.Instant.now(), label));
        assertEquals(201, posted.statusCode(), posted.body());
    }

    /** How many alerts under {@code rule} the service keeps (an event's is stored before the POST answers). */
    private int kept(String rule) throws Exception {
        String all = vigil.send("GET", "/api/alerts?limit=200", null).body();
        return all.split("\"rule\":\"" + rule + "\"", -1).length - 1;
    }

    /** The e-mails received so far whose subject names {@code camera}, oldest first. */
    private List<MimeMessage> mailsAbout(String camera) {
        List<MimeMessage> about = new ArrayList<>();
        try {
            for (MimeMessage mail : smtp.messages()) {
                if (mail.getSubject().startsWith("Camera " + camera + " ")) {
                    about.add(mail);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the SMTP receiver's messages cannot be read", e);
        }
        return about;
    }

    @Test
    void aWebhookMadeThroughTheApiGetsEachAlertUntilItIsDeleted() throws Exception {
        try (AlertReceiver ops = new AlertReceiver(SECRET)) {
            String url = ops.url() + "/T0/SECRET-PATH-TOKEN";
            HttpResponse<String> made = vigil.send("POST", "/api/alerts/targets", """
                    {"name": "ops", "url": "%s"}""".formatted(url));
            assertEquals(201, made.statusCode(), made.body());
            String origin = ops.url().substring(0, ops.url().indexOf("/hooks"));
            assertTrue(made.body().contains("\"shown\":\"" + origin + "\""), made.body());
            assertEquals(
                    409,
                    vigil.send("POST", "/api/alerts/targets", """
                    {"name": "webhook", "url": "%s"}""".formatted(url))
                            .statusCode(),
                    "the settings' webhook's name is taken");
            String settings = vigil.send("GET", "/api/alerts/settings", null).body();
            assertTrue(
                    settings.contains(
                            "\"name\":\"ops\",\"kind\":\"WEBHOOK\",\"shown\":\"" + origin + "\",\"source\":\"API\""),
                    settings);

            String first = VigilHarness.field(
                    vigil.send("POST", "/api/alerts/test", null).body(), "id");
            vigil.await(
                    "the test alert at the API's webhook",
                    Duration.ofSeconds(20),
                    () -> ops.alerts.stream().anyMatch(a -> a.contains(first)));
            assertEquals(List.of(), ops.refused, "signed with the webhook secret");

            assertEquals(
                    204, vigil.send("DELETE", "/api/alerts/targets/ops", null).statusCode());
            assertEquals(
                    404, vigil.send("DELETE", "/api/alerts/targets/ops", null).statusCode());
            assertEquals(
                    409,
                    vigil.send("DELETE", "/api/alerts/targets/webhook", null).statusCode());
            String second = VigilHarness.field(
                    vigil.send("POST", "/api/alerts/test", null).body(), "id");
            String after = vigil.send("GET", "/api/alerts/" + second, null).body();
            assertTrue(!after.contains("\"targetName\":\"ops\""), "no delivery to a deleted target: " + after);
            vigil.assertNeverShown("SECRET-PATH-TOKEN");
        }
    }

    /** Waits until the service has run two more alert checks (its {@code vigil_alert_checks_total}). */
    private void awaitTwoMoreChecks() throws Exception {
        double now = checks();
        vigil.await("two more alert checks", Duration.ofSeconds(10), () -> {
            try {
                return checks() >= now + 2;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private double checks() throws Exception {
        Matcher m = Pattern.compile("(?m)^vigil_alert_checks_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(vigil.send("GET", "/metrics", null).body());
        if (!m.find()) {
            throw new AssertionError("no vigil_alert_checks_total in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }
}
