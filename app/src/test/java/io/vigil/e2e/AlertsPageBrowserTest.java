package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console's Alerts page in Chromium against one running service whose alerts go to a signed-webhook receiver on
 * loopback: before any alert an installer reads where alerts are configured and that none was sent; then three
 * cameras pointed at a closed loopback port go OFFLINE at once and each fires an alert (the receiver answers 500 for
 * one of them, so its delivery FAILS after the 2 attempts allowed). The installer sees each alert as the API gives
 * it (its exact summary, its time in the site's zone, a red firing pill, the delivery's real state), two a page with
 * More until the last; a viewer has no Alerts link and {@code #/alerts} opens the wall; an admin's cameras link to
 * their History; a fourth alert whose attempt the receiver holds is PENDING with its next attempt's time, then
 * DELIVERED once answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsPageBrowserTest {

    private static final String SITE_ZONE = "America/New_York";
    private static final String SECRET = "whsec_alerts-page-0123456789abcdef";
    private static final String INSTALLER = "ines";
    private static final String INSTALLER_PASSWORD = "ines-installs-cams-1";
    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "vera-watches-wall-1";
    private static final List<String> CAMERAS = List.of("dock", "gate", "yard");
    private static final String FAILING = "gate"; // the receiver answers its alert 500
    private static final String HELD = "pier"; // the receiver answers its alert only when the test says
    private static final List<String> HEADINGS = List.of("Time", "Kind", "Summary", "Cameras", "Delivery");
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US).withZone(ZoneId.of(SITE_ZONE));

    private Path work;
    private AlertReceiver receiver;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;
    private JsonMapper json;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-alerts-page");
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        receiver = new AlertReceiver(SECRET);
        receiver.failFor.add("\"id\":\"" + FAILING + "\"");
        vigil = new VigilHarness(
                work,
                Map.ofEntries(
                        Map.entry("vigil.console.time-zone", SITE_ZONE),
                        Map.entry("vigil.recorder.backoff-max", "2s"),
                        Map.entry("vigil.alerts.webhook-url", receiver.url()),
                        Map.entry("vigil.alerts.webhook-secret", SECRET),
                        Map.entry("vigil.alerts.down-delay", "1s"),
                        Map.entry("vigil.alerts.check-interval", "500ms"),
                        Map.entry("vigil.alerts.max-attempts", "2"),
                        Map.entry("vigil.alerts.first-retry", "1s"),
                        Map.entry("vigil.alerts.answer-timeout", "40s"), // a held attempt stays under way
                        Map.entry("vigil.alerts.digest-min-cameras", "10"))); // an alert per camera, no digest
        json = vigil.context.getBean(JsonMapper.class);
        vigil.createUser(INSTALLER, INSTALLER_PASSWORD, "installer", TestAdmin.basic());
        vigil.createUser(VIEWER, VIEWER_PASSWORD, "viewer", TestAdmin.basic());
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1600,1000", Map.of());
        browser = console.driver;
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.assertNeverShown(SECRET);
            vigil.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void beforeAnyAlertTheInstallerReadsWhereAlertsAreConfiguredAndThatNoneWasSent() throws Exception {
        assertEquals(List.of(), alerts(), "no alert yet");
        console.signIn(vigil.base, INSTALLER, INSTALLER_PASSWORD);
        console.waitFor(
                "the installer's Alerts link",
                Duration.ofSeconds(20),
                () -> alertsLink().isDisplayed());
        alertsLink().click();
        WebElement empty = console.waitForValue(
                "the empty state",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("alerts-empty")),
                WebElement::isDisplayed);
        assertTrue(
                empty.getText().startsWith("No alert sent yet. Alerts are on when VIGIL_ALERTS_WEBHOOK_URL"),
                empty.getText());
        assertTrue(empty.getText().contains("Without it they are off: set VIGIL_ALERTS_WEBHOOK_URL"), empty.getText());
        String about = browser.findElement(By.id("alerts-about")).getText();
        assertTrue(about.contains("VIGIL_ALERTS_WEBHOOK_URL") && about.contains("README's \"Alerts\" section"), about);
        assertTrue(about.endsWith("Newest first; times in " + SITE_ZONE + "."), about);
        assertFalse(browser.findElement(By.id("alerts-list")).isDisplayed(), "no table without an alert");
        assertFalse(browser.findElement(By.id("alerts-more")).isDisplayed());
        assertEquals(
                "Targets: webhook " + origin(),
                browser.findElement(By.id("alerts-targets")).getText());
        assertEquals(
                "camera-down: a camera OFFLINE or UNAUTHORIZED for 1 s fires, its return to RECORDING recovers",
                browser.findElement(By.cssSelector("#alerts-rules li[data-rule='camera-down']"))
                        .getText());
        assertFalse(browser.findElement(By.id("alerts-test")).isDisplayed(), "a test alert is an admin's");
    }

    @Test
    @Order(2)
    void theInstallerSeesEachAlertAsTheApiGivesItTwoAPageWithMoreUntilTheLast() throws Exception {
        int closedPort = CameraSimulator.freePort(); // nothing listens there: each camera is OFFLINE at once
        for (String camera : CAMERAS) {
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\": \"%s\", \"url\": \"rtsp://127.0.0.1:%d/%s\"}".formatted(camera, closedPort, camera));
            assertEquals(201, created.statusCode(), created.body());
        }
        vigil.await(
                "an alert for each camera, each delivery ended",
                Duration.ofSeconds(40),
                this::everyCameraAlertedAndDeliveryEnded);
        List<Map<String, Object>> all = alerts();
        String origin = origin();

        browser.get(vigil.base + "/#/alerts?limit=2");
        console.waitFor("the first page of two", Duration.ofSeconds(10), () -> rows().size() == 2);
        assertEquals(
                HEADINGS,
                browser.findElements(By.cssSelector("#alerts-list th")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertFalse(browser.findElement(By.id("alerts-empty")).isDisplayed());
        assertTrue(browser.findElement(By.id("alerts-more")).isDisplayed(), "a third alert follows: More");
        assertEquals(ids(all.subList(0, 2)), rowIds(), "newest first, as the API lists them");

        browser.findElement(By.id("alerts-more")).click();
        console.waitFor("the last alert appended", Duration.ofSeconds(10), () -> rows().size() == 3);
        assertEquals(ids(all), rowIds(), "the second page after the first");
        assertFalse(browser.findElement(By.id("alerts-more")).isDisplayed(), "nothing follows: no More");

        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> alert = all.get(i);
            WebElement row = rows().get(i);
            String camera = cameraOf(alert);
            assertEquals("FIRING", alert.get("kind"));
            assertEquals(
                    SHOWN.format(Instant.parse((String) alert.get("at"))),
                    text(row, "time"),
                    "the site's zone, with the date");
            assertTrue(((String) alert.get("summary")).startsWith("Camera " + camera + " is OFFLINE"));
            assertEquals(alert.get("summary"), text(row, "summary"), "the summary the API gives");
            WebElement pill = row.findElement(By.cssSelector("td.kind .pill"));
            assertEquals("Firing", pill.getText());
            assertEquals("rgba(229, 72, 77, 1)", pill.getCssValue("background-color"), "firing: a red pill");
            assertEquals(camera, text(row, "cameras"));
            assertTrue(row.findElements(By.cssSelector("td.cameras a")).isEmpty(), "an installer has no history");
            Map<String, Object> delivery = delivery(alert);
            assertEquals(origin, delivery.get("targetOrigin"));
            String expected = FAILING.equals(camera)
                    ? "webhook " + origin + " — FAILED after 2 attempts: answered HTTP 500"
                    : "webhook " + origin + " — DELIVERED after 1 attempt";
            assertEquals(expected.contains("FAILED") ? "FAILED" : "DELIVERED", delivery.get("state"));
            assertEquals(expected, text(row, "delivery"), "the delivery's real state");
        }
        assertEquals(2, receiver.matching("\"id\":\"" + FAILING + "\"").size(), "the failing alert was tried twice");
        assertEquals(List.of(), receiver.refused, "every request was signed");
        console.screenshot("alerts");
        console.assertNothingBlocked();
    }

    @Test
    @Order(3)
    void aViewerHasNoAlertsLinkAndTheAlertsPageFallsBackToTheWall() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        console.signIn(vigil.base, VIEWER, VIEWER_PASSWORD);
        console.waitFor(
                "the viewer's wall",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.id("wall")).isEmpty());
        assertFalse(alertsLink().isDisplayed(), "a viewer sees no Alerts link");
        browser.get(vigil.base + "/#/alerts");
        browser.navigate().refresh();
        console.waitFor(
                "the wall instead of the alerts",
                Duration.ofSeconds(10),
                () -> !browser.findElements(By.id("wall")).isEmpty());
        assertTrue(browser.findElements(By.id("alerts-list")).isEmpty());
        assertEquals(
                403,
                vigil.send("GET", "/api/alerts", null, TestAdmin.basic(VIEWER, VIEWER_PASSWORD))
                        .statusCode(),
                "the server refuses a viewer too");
    }

    @Test
    @Order(4)
    void anAdminsCamerasLinkToTheirHistoryOnTheDayTheyWentDown() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        console.signIn(vigil.base);
        console.waitFor(
                "the admin's Alerts link",
                Duration.ofSeconds(20),
                () -> alertsLink().isDisplayed());
        alertsLink().click();
        console.waitFor("every alert", Duration.ofSeconds(10), () -> rows().size() == CAMERAS.size());
        Map<String, Object> newest = alerts().get(0);
        String camera = cameraOf(newest);
        @SuppressWarnings("unchecked")
        String since = (String)
                ((List<Map<String, Object>>) newest.get("cameras")).get(0).get("since");
        WebElement link = rows().get(0).findElement(By.cssSelector("td.cameras a"));
        assertEquals(camera, link.getText());
        assertEquals(
                vigil.base + "/#/history?camera=" + camera + "&day=" + since.substring(0, 10),
                link.getAttribute("href"));
        assertFalse(browser.findElement(By.id("alerts-more")).isDisplayed(), "three alerts, a page of 50: no More");
    }

    @Test
    @Order(5)
    void aDeliveryUnderWayIsPendingWithItsNextAttemptThenDeliveredOnceAnswered() throws Exception {
        receiver.holdFor.add("\"id\":\"" + HELD + "\"");
        String id;
        try {
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\": \"%s\", \"url\": \"rtsp://127.0.0.1:%d/x\"}".formatted(HELD, CameraSimulator.freePort()));
            assertEquals(201, created.statusCode(), created.body());
            // its first attempt claimed and sent, the receiver not answering yet
            Map<String, Object> held = console.waitForValue(
                    "the held alert's attempt under way",
                    Duration.ofSeconds(30),
                    () -> newestQuietly(),
                    a -> a != null
                            && HELD.equals(cameraOf(a))
                            && Integer.valueOf(1).equals(delivery(a).get("attempts")));
            id = (String) held.get("id");
            Map<String, Object> delivery = delivery(held);
            assertEquals("PENDING", delivery.get("state"));
            Instant next = Instant.parse((String) delivery.get("nextAttemptAt"));
            browser.get(vigil.base + "/#/alerts");
            browser.navigate().refresh();
            console.waitFor("the held alert's line", Duration.ofSeconds(10), () -> rowIds().contains(id));
            assertEquals(
                    "webhook " + origin() + " — PENDING, next attempt " + timeOrDateTime(next)
                            + " (1 attempt made: no answer yet)",
                    text(rows().get(0), "delivery"),
                    "the newest line: the attempt under way, when the next is due");
        } finally {
            receiver.released.countDown();
        }
        vigil.await("the held alert delivered once answered", Duration.ofSeconds(20), () -> {
            HttpResponse<String> one = sendQuietly("/api/alerts/" + id);
            return one != null && one.statusCode() == 200 && one.body().contains("\"state\":\"DELIVERED\"");
        });
        browser.navigate().refresh();
        console.waitFor(
                "the line delivered after a reload",
                Duration.ofSeconds(10),
                () -> ("webhook " + origin() + " — DELIVERED after 1 attempt").equals(text(rows().get(0), "delivery")));
        assertEquals(id, rowIds().get(0));
    }

    @Test
    @Order(6)
    void anAdminSendsATestAlertAndSeesItDelivered() throws Exception {
        browser.get(vigil.base + "/#/alerts");
        browser.navigate().refresh();
        WebElement send = console.waitForValue(
                "the admin's test button",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("alerts-test")),
                WebElement::isDisplayed);
        send.click();
        console.waitFor(
                "the test alert's result",
                Duration.ofSeconds(10),
                () -> "Test alert sent to 1 target: its delivery is below."
                        .equals(browser.findElement(By.id("alerts-test-result")).getText()));
        Map<String, Object> test = alerts().get(0);
        assertEquals("test", test.get("rule"));
        console.waitFor(
                "the test alert listed first",
                Duration.ofSeconds(10),
                () -> rowIds().get(0).equals(test.get("id")));
        assertEquals("A test alert, sent from the API: alerts reach this target", text(rows().get(0), "summary"));
        vigil.await(
                "the test alert received",
                Duration.ofSeconds(20),
                () -> receiver.alerts.stream().anyMatch(a -> a.contains((String) test.get("id"))));
    }

    /** A time as the page shows a next attempt: "05:21:40" today in the site's zone, else with its date and zone. */
    private static String timeOrDateTime(Instant at) {
        ZoneId zone = ZoneId.of(SITE_ZONE);
        return at.atZone(zone).toLocalDate().equals(LocalDate.now(zone))
                ? DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(at)
                : SHOWN.format(at);
    }

    private String origin() {
        return receiver.url().replaceFirst("^(http://127\\.0\\.0\\.1:\\d+)/.*$", "$1");
    }

    private Map<String, Object> newestQuietly() {
        try {
            List<Map<String, Object>> all = alerts();
            return all.isEmpty() ? null : all.get(0);
        } catch (Exception e) {
            return null;
        }
    }

    private HttpResponse<String> sendQuietly(String path) {
        try {
            return vigil.send("GET", path, null, TestAdmin.basic(INSTALLER, INSTALLER_PASSWORD));
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private WebElement alertsLink() {
        return browser.findElement(By.cssSelector("nav a[data-page=alerts]"));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#alerts-list tbody tr"));
    }

    private List<String> rowIds() {
        return rows().stream().map(r -> r.getAttribute("data-id")).toList();
    }

    private static List<Object> ids(List<Map<String, Object>> alerts) {
        return alerts.stream().map(a -> a.get("id")).toList();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText();
    }

    @SuppressWarnings("unchecked")
    private static String cameraOf(Map<String, Object> alert) {
        List<Map<String, Object>> cameras = (List<Map<String, Object>>) alert.get("cameras");
        assertEquals(1, cameras.size(), "one camera an alert: " + alert);
        return (String) cameras.get(0).get("cameraId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(Map<String, Object> alert) {
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) alert.get("deliveries");
        assertEquals(1, deliveries.size(), "one target, the webhook: " + alert);
        return deliveries.get(0);
    }

    /** Every alert, newest first, as the API lists them to the installer. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alerts() throws Exception {
        HttpResponse<String> page =
                vigil.send("GET", "/api/alerts?limit=200", null, TestAdmin.basic(INSTALLER, INSTALLER_PASSWORD));
        assertEquals(200, page.statusCode(), page.body());
        Map<String, Object> body = json.readValue(page.body(), Argument.mapOf(String.class, Object.class));
        assertNull(body.get("next"), "one page holds them all");
        // the API leaves an empty list out
        return (List<Map<String, Object>>) body.getOrDefault("alerts", List.of());
    }

    private boolean everyCameraAlertedAndDeliveryEnded() {
        try {
            List<Map<String, Object>> all = alerts();
            return all.size() == CAMERAS.size()
                    && all.stream().allMatch(a -> !"PENDING".equals(delivery(a).get("state")));
        } catch (Exception | AssertionError notYet) {
            return false;
        }
    }
}
