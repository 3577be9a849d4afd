package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.camera.CameraView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console in a real browser (Debian's Chromium, headless, driven by Selenium) against the running
 * service recording from the real RTSP server: the wall plays live and says when a camera is down, history
 * shows the gap and plays after it with the right clock time, a clip export downloads a valid MP4, and the
 * cameras form adds a camera with the FFmpeg engine (its tile reaches RECORDING, its row says which engine records it)
 * and shows the server's field errors, and an installer
 * compares and pins (then unpins) the self-signed certificate of an {@code rtsps://} camera (trust on first use).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private Path work;
    private Path downloads;
    private Path clips;
    private CameraSimulator steady;
    private CameraSimulator flaky;
    private int flakyPort;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;
    private Instant backStopped;
    private Instant backRestarted;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-console");
        downloads = Files.createDirectories(work.resolve("downloads"));
        clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        Path clip = ExternalTools.clip(clips, false);
        steady = new CameraSimulator(Map.of("front", clip, "spare", clip), Map.of());
        flaky = new CameraSimulator(Map.of("back", clip), Map.of(), 0, 0, false);
        flakyPort = flaky.port;
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"front\",\"name\":\"Front door\",\"url\":\"" + steady.url("front") + "\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"back\",\"name\":\"Back yard\",\"url\":\"" + flaky.url("back") + "\"}")
                        .statusCode());

        // an export saves clip, manifest and signature: three downloads, which Chromium asks about once
        console = new ConsoleBrowser(
                work.resolve("chromium-profile"),
                "1600,1000",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "profile.default_content_setting_values.automatic_downloads",
                        1));
        browser = console.driver;
        java.net.http.HttpResponse<String> page = vigil.send("GET", "/", null, null);
        assertEquals(200, page.statusCode(), "the console is public: it signs in itself");
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                page.headers().map().toString());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        console.signIn(vigil.base);
        waitFor(
                "the wall after sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector(".tile[data-camera=front]"))
                        .isEmpty());
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.assertNeverShown(TestAdmin.PASSWORD);
            vigil.close();
        }
        for (CameraSimulator s : new CameraSimulator[] {steady, flaky}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    @Order(1)
    void theWallPlaysLiveAndSaysWhenACameraIsDown() throws Exception {
        browser.get(vigil.base + "/#/wall");
        double first = waitForValue(
                "front's tile to play",
                Duration.ofSeconds(60),
                () -> currentTime(".tile[data-camera=front] video"),
                t -> t > 0);
        double later = waitForValue(
                "front's tile to advance 2 s",
                Duration.ofSeconds(10),
                () -> currentTime(".tile[data-camera=front] video"),
                t -> t >= first + 2);
        assertTrue(later >= first + 2);
        assertEquals("RECORDING", badge("front"));
        waitFor("back's tile to play", Duration.ofSeconds(60), () -> currentTime(".tile[data-camera=back] video") > 0);
        screenshot("console-wall");

        flaky.close();
        backStopped = Instant.now();
        // the stall watchdog (vigil.recorder.stall-timeout, 10 s) plus one status refresh of the wall (3 s) and slack
        waitFor(
                "back's tile to say OFFLINE within the watchdog time",
                Duration.ofSeconds(15),
                () -> "OFFLINE".equals(badge("back")));
        WebElement overlay = browser.findElement(By.cssSelector(".tile[data-camera=back] .overlay"));
        assertTrue(overlay.isDisplayed() && overlay.getText().startsWith("OFFLINE"), overlay.getText());
        String why = overlay.getText().substring(overlay.getText().indexOf('(') + 1);
        assertFalse(
                java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b|\\(-?\\d+\\)")
                        .matcher(why)
                        .find(),
                "the tile says why in words, without error codes: " + overlay.getText());
        assertTrue(
                js("return document.querySelector('.tile[data-camera=back] video').getAttribute('src') === null"),
                "a down camera's player is stopped, not frozen on its last frame");
        screenshot("console-wall-offline");
        // The scenario is an outage of at least 6 s (the history test looks for a gap of 5 s or more); a camera that
        // closes its connection is seen OFFLINE within a second, so keep it down for the rest of the outage.
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), backStopped.plusSeconds(6)).toMillis()));
        flaky = new CameraSimulator(Map.of("back", ExternalTools.clip(clips, false)), Map.of(), flakyPort, 0, false);
        backRestarted = Instant.now();
        waitFor("back to record again", Duration.ofSeconds(60), () -> "RECORDING".equals(badge("back")));
    }

    @Test
    @Order(2)
    void historyShowsTheGapAndPlaysAfterItAtTheRightClockTime() throws Exception {
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        // 20 s recorded after the gap, so the live edge is far from the point picked below: a player that joins the
        // EVENT playlist at its live edge instead of the chosen time shows a clock ~15 s off, which the check catches
        waitFor(
                "back to have 10 segments after its restart",
                Duration.ofSeconds(90),
                () -> index.newest("back", 10).stream()
                        .allMatch(s -> s.start().isAfter(backRestarted.minusSeconds(5))));
        browser.get(vigil.base + "/#/history?camera=back");
        WebElement bar = waitForElement(By.id("timeline"));
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.cssSelector("button[data-zoom=in]")).click(); // down to a 5 minute window
        }
        List<WebElement> spans = browser.findElements(By.cssSelector("#timeline .span"));
        assertTrue(spans.size() >= 2, "the stop left a gap between spans: " + spans.size() + " span(s)");
        WebElement after = spans.get(spans.size() - 1);
        long gapStart = Long.parseLong(spans.get(spans.size() - 2).getAttribute("data-end"));
        long gapEnd = Long.parseLong(after.getAttribute("data-start"));
        assertTrue(gapEnd - gapStart >= 5000, "gap of " + (gapEnd - gapStart) + " ms");
        assertTrue(
                gapStart <= backStopped.toEpochMilli() + 1000 && gapEnd >= backStopped.toEpochMilli(),
                "the gap " + Instant.ofEpochMilli(gapStart) + "/" + Instant.ofEpochMilli(gapEnd)
                        + " is where the camera stopped at " + backStopped);
        screenshot("console-history");

        int offset = after.getRect().getX()
                + 4
                - (bar.getRect().getX() + bar.getRect().getWidth() / 2);
        long clickedNanos = System.nanoTime();
        new Actions(browser).moveToElement(bar, offset, 0).click().perform();
        long picked = Long.parseLong(bar.getAttribute("aria-valuenow"));
        assertTrue(
                picked >= gapEnd && picked < gapEnd + 10_000,
                "picked just after the gap: " + Instant.ofEpochMilli(picked));
        waitFor(
                "the history clock to show a frame",
                Duration.ofSeconds(30),
                () -> !browser.findElement(By.id("history-clock"))
                        .getAttribute("data-epoch-ms")
                        .isEmpty());
        double t0 = currentTime("#history-video");
        waitFor("history to advance", Duration.ofSeconds(15), () -> currentTime("#history-video") > t0 + 1);
        long shown = Long.parseLong(browser.findElement(By.id("history-clock")).getAttribute("data-epoch-ms"));
        // Playback from the picked time cannot have shown more than the wall-clock time since the click.
        long sinceClickMillis = (System.nanoTime() - clickedNanos) / 1_000_000;
        assertTrue(
                shown >= picked - 1000 && shown <= picked + sinceClickMillis + 1000,
                "clock " + Instant.ofEpochMilli(shown) + " for playback chosen at " + Instant.ofEpochMilli(picked)
                        + ", " + sinceClickMillis + " ms after the click (the live edge is at "
                        + index.newest("back", 1).get(0).start() + ")");
        screenshot("console-history-playing");
    }

    @Test
    @Order(3)
    void aClipExportDownloadsAValidMp4() throws Exception {
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        List<Segment> newest = index.newest("front", 4);
        if (!browser.getCurrentUrl().contains("#/history")) {
            browser.get(vigil.base + "/#/history?camera=front");
        }
        new org.openqa.selenium.support.ui.Select(waitForElement(By.id("history-camera"))).selectByValue("front");
        WebElement start = browser.findElement(By.id("range-start"));
        start.clear();
        start.sendKeys(newest.get(0).start().toString());
        WebElement end = browser.findElement(By.id("range-end"));
        end.clear();
        end.sendKeys(newest.get(2).start().toString());
        browser.findElement(By.id("export-clip")).click();
        Path clip = waitForValue(
                "the clip download",
                Duration.ofSeconds(60),
                () -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                        return files.filter(f -> f.toString().endsWith(".mp4"))
                                .findFirst()
                                .orElse(null);
                    } catch (Exception e) {
                        return null;
                    }
                },
                p -> p != null && p.toFile().length() > 0);
        waitFor(
                "the manifest download",
                Duration.ofSeconds(30),
                () -> downloads.resolve("front-clip-manifest.json").toFile().exists());
        String probe = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name:format=duration",
                        "-of",
                        "default=nw=1",
                        clip.toString()));
        assertTrue(probe.contains("codec_name=h264"), probe);
        assertTrue(
                browser.findElement(By.id("range-message")).getText().startsWith("Exported"),
                browser.findElement(By.id("range-message")).getText());
    }

    @Test
    @Order(4)
    void theCamerasFormAddsACameraAndShowsFieldErrors() throws Exception {
        browser.get(vigil.base + "/#/cameras");
        waitForElement(By.id("camera-form"));
        fill("camera-id", "porch");
        fill("camera-url", "http://192.0.2.1/not-rtsp");
        browser.findElement(By.id("camera-save")).click();
        waitFor(
                "the URL's field error",
                Duration.ofSeconds(10),
                () -> !browser.findElement(By.id("camera-url-error")).getText().isBlank());
        assertEquals("true", browser.findElement(By.id("camera-url")).getAttribute("aria-invalid"));

        fill("camera-url", steady.url("spare"));
        fill("camera-name", "Porch");
        assertEquals("native", browser.findElement(By.id("camera-engine")).getAttribute("value"), "the default");
        browser.findElement(By.cssSelector("#camera-engine option[value=ffmpeg]"))
                .click();
        browser.findElement(By.id("camera-save")).click();
        waitFor(
                "porch in the list",
                Duration.ofSeconds(10),
                () -> !browser.findElements(By.cssSelector("tr[data-camera=porch]"))
                        .isEmpty());
        assertEquals(
                "ffmpeg",
                VigilHarness.field(vigil.send("GET", "/api/cameras/porch", null).body(), "engine"));
        waitFor(
                "porch's engine on the cameras page",
                Duration.ofSeconds(60),
                () -> browser.findElements(By.cssSelector("tr[data-camera=porch] td.engine")).stream()
                        .anyMatch(td -> td.getText().equals("ffmpeg")));
        browser.findElement(By.cssSelector("tr[data-camera=porch] button[data-act=edit]"))
                .click();
        assertEquals("ffmpeg", browser.findElement(By.id("camera-engine")).getAttribute("value"), "the form shows it");
        browser.findElement(By.id("camera-cancel")).click();
        browser.get(vigil.base + "/#/wall");
        browser.findElement(By.cssSelector("button[data-size='9']")).click();
        waitFor("porch's tile to reach RECORDING", Duration.ofSeconds(60), () -> "RECORDING".equals(badge("porch")));
        waitFor(
                "porch's tile to play",
                Duration.ofSeconds(60),
                () -> currentTime(".tile[data-camera=porch] video") > 0);
        assertNothingBlocked();
    }

    @Test
    @Order(5)
    void anInstallerPinsTheCertificateSeenAfterComparingItsFingerprintAndRemovesThePin() throws Exception {
        try (FakeRtspCamera camera = FakeRtspCamera.tls(work)) {
            String real = camera.fingerprint; // computed from the listener's own certificate, not read from Vigil
            String url = "rtsps://127.0.0.1:" + camera.port() + "/live";
            browser.get(vigil.base + "/#/cameras");
            waitForElement(By.id("camera-form"));
            fill("camera-id", "gate");
            fill("camera-name", "Gate");
            String[][] badPins = {
                {
                    url,
                    real.substring(0, 94) + "G",
                    "must be the certificate's SHA-256 fingerprint: 64 hex digits, "
                            + "colons allowed (openssl x509 -noout -fingerprint -sha256)"
                },
                {"rtsp://127.0.0.1:" + camera.port() + "/live", real, "only an rtsps:// camera has a certificate to pin"
                },
            };
            for (String[] bad : badPins) {
                fill("camera-url", bad[0]);
                fill("camera-tlsFingerprint", bad[1]);
                browser.findElement(By.id("camera-save")).click();
                waitForValue(
                        "the fingerprint's field error for " + bad[1] + " on " + bad[0],
                        Duration.ofSeconds(10),
                        () -> browser.findElement(By.id("camera-tlsFingerprint-error"))
                                .getText(),
                        bad[2]::equals);
                assertEquals(
                        "true",
                        browser.findElement(By.id("camera-tlsFingerprint")).getAttribute("aria-invalid"));
                assertEquals(404, vigil.send("GET", "/api/cameras/gate", null).statusCode(), "nothing registered");
            }
            fill("camera-url", url);
            browser.findElement(By.id("camera-tlsFingerprint")).clear();
            browser.findElement(By.id("camera-save")).click();

            By row = By.cssSelector("tr[data-certificate-for=gate]");
            waitFor(
                    "the console to show gate refused for its untrusted certificate",
                    Duration.ofSeconds(30),
                    () -> "untrusted".equals(browser.findElement(row).getAttribute("data-trust")));
            assertEquals(real, certificateText("seen"), "the fingerprint shown is the certificate's own");
            assertEquals("none", certificateText("pinned"));
            assertEquals(
                    "Not trusted",
                    browser.findElement(By.cssSelector("tr[data-certificate-for=gate] .badge"))
                            .getText());
            assertEquals(
                    "ERROR",
                    browser.findElement(By.cssSelector("tr[data-camera=gate] .badge"))
                            .getText());
            assertEquals(List.of(), camera.requests, "no RTSP request reached the untrusted camera");
            screenshot("console-certificate-untrusted");

            clickInCertificateRow("trust");
            waitFor(
                    "the confirm step",
                    Duration.ofSeconds(10),
                    () -> browser.findElement(By.id("certificate-dialog")).isDisplayed());
            assertEquals(
                    real,
                    browser.findElement(By.id("certificate-dialog-fingerprint")).getText(),
                    "the confirm step shows the full fingerprint to compare");
            assertNull(pinnedAtTheApi(), "nothing is pinned before the installer confirms");
            screenshot("console-certificate-confirm");
            browser.findElement(By.id("certificate-confirm")).click();
            assertEquals(
                    real,
                    waitForValue(
                            "the API to show the pin", Duration.ofSeconds(10), this::pinnedAtTheApi, real::equals));
            waitFor(
                    "the console to show the certificate pinned",
                    Duration.ofSeconds(15),
                    () -> "pinned".equals(browser.findElement(row).getAttribute("data-trust")));
            assertEquals(real, certificateText("pinned"));
            assertEquals(real, certificateText("seen"));
            assertTrue(browser.findElements(By.cssSelector("tr[data-certificate-for=gate] button[data-act=trust]"))
                    .isEmpty());
            waitFor(
                    "Vigil to talk RTSP to the pinned camera",
                    Duration.ofSeconds(30),
                    () -> camera.requests.stream().anyMatch(r -> r.startsWith("OPTIONS " + url + " RTSP/1.0")));
            screenshot("console-certificate-pinned");

            clickInCertificateRow("unpin");
            waitFor(
                    "the confirm step",
                    Duration.ofSeconds(10),
                    () -> browser.findElement(By.id("certificate-dialog")).isDisplayed());
            assertEquals(
                    real,
                    browser.findElement(By.id("certificate-dialog-fingerprint")).getText());
            browser.findElement(By.id("certificate-confirm")).click();
            waitFor("the API to show no pin", Duration.ofSeconds(10), () -> pinnedAtTheApi() == null);
            waitFor(
                    "the console to show gate unpinned and refused again",
                    Duration.ofSeconds(30),
                    () -> "untrusted".equals(browser.findElement(row).getAttribute("data-trust")));
            assertEquals("none", certificateText("pinned"));
            assertEquals(real, certificateText("seen"));

            // The form pins too (as an installer types it: lower case, no colons) and unpins when the field is cleared.
            clickRetrying(By.cssSelector("tr[data-camera=gate] button[data-act=edit]"));
            assertEquals("", browser.findElement(By.id("camera-tlsFingerprint")).getAttribute("value"));
            fill("camera-tlsFingerprint", real.replace(":", "").toLowerCase(Locale.ROOT));
            browser.findElement(By.id("camera-save")).click();
            assertEquals(
                    real,
                    waitForValue(
                            "the API to show the typed pin",
                            Duration.ofSeconds(10),
                            this::pinnedAtTheApi,
                            real::equals));
            waitFor(
                    "the console to show the typed pin",
                    Duration.ofSeconds(15),
                    () -> "pinned".equals(browser.findElement(row).getAttribute("data-trust")));
            clickRetrying(By.cssSelector("tr[data-camera=gate] button[data-act=edit]"));
            assertEquals(
                    real, browser.findElement(By.id("camera-tlsFingerprint")).getAttribute("value"));
            browser.findElement(By.id("camera-tlsFingerprint")).clear();
            browser.findElement(By.id("camera-save")).click();
            waitFor(
                    "the API to show no pin after the field was cleared",
                    Duration.ofSeconds(10),
                    () -> pinnedAtTheApi() == null);
            assertNothingBlocked();
        } finally {
            vigil.send("DELETE", "/api/cameras/gate", null);
        }
    }

    private String certificateText(String role) {
        return browser.findElement(By.cssSelector("tr[data-certificate-for=gate] [data-role=" + role + "]"))
                .getText();
    }

    private void clickInCertificateRow(String act) throws InterruptedException {
        clickRetrying(By.cssSelector("tr[data-certificate-for=gate] button[data-act=" + act + "]"));
    }

    /** Clicks a button of the camera list, which the page redraws every 5 s: again if it was redrawn meanwhile. */
    private void clickRetrying(By button) throws InterruptedException {
        waitFor(button.toString(), Duration.ofSeconds(15), () -> {
            browser.findElement(button).click();
            return true;
        });
    }

    /** gate's pinned fingerprint as GET /api/cameras/gate answers it, or null. */
    private String pinnedAtTheApi() {
        try {
            java.net.http.HttpResponse<String> r = vigil.send("GET", "/api/cameras/gate", null);
            assertEquals(200, r.statusCode(), r.body());
            return vigil.context
                    .getBean(JsonMapper.class)
                    .readValue(r.body(), CameraView.class)
                    .tlsFingerprint();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingBlocked() {
        console.assertNothingBlocked();
    }

    private void fill(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String badge(String camera) {
        List<WebElement> b = browser.findElements(By.cssSelector(".tile[data-camera=" + camera + "] .badge"));
        return b.isEmpty() ? null : b.get(0).getText();
    }

    private double currentTime(String selector) {
        Object t = ((JavascriptExecutor) browser)
                .executeScript(
                        "const v = document.querySelector(arguments[0]); return v ? v.currentTime : -1;", selector);
        return ((Number) t).doubleValue();
    }

    private boolean js(String script) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(script));
    }

    private WebElement waitForElement(By by) throws InterruptedException {
        waitFor(
                by.toString(),
                Duration.ofSeconds(20),
                () -> !browser.findElements(by).isEmpty());
        return browser.findElement(by);
    }

    private void screenshot(String name) throws Exception {
        console.screenshot(name);
    }

    private void waitFor(String what, Duration deadline, Supplier<Boolean> condition) throws InterruptedException {
        console.waitFor(what, deadline, condition);
    }

    private <T> T waitForValue(String what, Duration deadline, Supplier<T> value, java.util.function.Predicate<T> done)
            throws InterruptedException {
        return console.waitForValue(what, deadline, value, done);
    }
}
