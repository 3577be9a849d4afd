package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.SegmentIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The Cameras page in a real browser, signed in as an installer, against the service recording the real RTSP
 * simulator: a camera's row shows the codec, resolution and frame rate ffprobe reads in the clip the simulator sends,
 * a bit rate near the clip's, the storage the archive's index holds, times in the site zone with a date, and a compact
 * state pill; a quota typed as {@code 500MB} is saved and shown as {@code 500MB} with its forecast, a bad one is
 * refused next to its field; a camera of the cameras file offers no change; the global quota has its line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CamerasPageBrowserTest {

    private static final String INSTALLER = "ines";
    private static final String INSTALLER_PASSWORD = "installer-pass-1";
    private static final String SITE_ZONE = "America/New_York";

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;
    private Map<String, String> video;
    private long clipBitsPerSecond;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-cameras-page");
        Path clips = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips"));
        Path clip = ExternalTools.clip(clips, false);
        video = probe(clip, "v:0", "codec_name,width,height,r_frame_rate");
        clipBitsPerSecond = Long.parseLong(probe(clip, null, "bit_rate").get("bit_rate"));
        simulator = new CameraSimulator(Map.of("front", clip, "door", clip), Map.of());
        Files.writeString(
                work.resolve("cameras.yml"),
                "cameras:\n  - id: door\n    name: Door\n    url: " + simulator.url("door") + "\n");
        vigil = new VigilHarness(
                work, Map.of("vigil.console.time-zone", SITE_ZONE, "vigil.retention.max-bytes", "2000000000"));
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"front\",\"name\":\"Front\",\"url\":\"" + simulator.url("front") + "\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"" + INSTALLER + "\",\"password\":\"" + INSTALLER_PASSWORD
                                        + "\",\"role\":\"installer\"}")
                        .statusCode());
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1600,1000", Map.of());
        browser = console.driver;
        console.signIn(vigil.base, INSTALLER, INSTALLER_PASSWORD);
        console.waitFor(
                "the nav after sign-in",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.cssSelector("nav a[data-page=cameras]"))
                        .isDisplayed());
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.assertNeverShown(INSTALLER_PASSWORD);
            vigil.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void aRecordingCamerasRowShowsWhatItRecordsAndWhatItStores() throws Exception {
        browser.get(vigil.base + "/#/cameras");
        // recording for a few seconds: a minute's rate and stored segments
        WebElement facts = console.waitForValue(
                "front's stream facts with a bit rate, and stored footage",
                Duration.ofSeconds(60),
                () -> { // the page refreshes its list every 5 s
                    WebElement row = row("front");
                    long used = Long.parseLong(
                            row.findElement(By.cssSelector("td.storage")).getAttribute("data-used-bytes"));
                    WebElement f = row.findElement(By.cssSelector("td.stream-facts"));
                    return !f.getAttribute("data-bitrate-kbps").isEmpty() && used > 0 ? f : null;
                },
                f -> f != null);
        assertEquals("h264+aac", facts.getAttribute("data-codec"), "the clip is H.264 with AAC: " + video);
        assertEquals("h264", video.get("codec_name"));
        assertTrue(facts.getText().startsWith("H.264 + AAC · "), facts.getText());
        String resolution = video.get("width") + "x" + video.get("height");
        assertEquals(resolution, facts.getAttribute("data-resolution"));
        assertTrue(facts.getText().contains(resolution), facts.getText());
        String[] rate = video.get("r_frame_rate").split("/");
        double fps = Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]);
        double shownFps = Double.parseDouble(facts.getAttribute("data-fps"));
        assertTrue(Math.abs(shownFps - fps) <= fps * 0.1, shownFps + " fps shown, the clip has " + fps);
        assertTrue(facts.getText().contains(facts.getAttribute("data-fps") + " fps"), facts.getText());
        long kbps = Long.parseLong(facts.getAttribute("data-bitrate-kbps"));
        double ratio = kbps * 1000.0 / clipBitsPerSecond;
        assertTrue(
                ratio > 0.5 && ratio < 2,
                kbps + " kbit/s shown, the clip has " + clipBitsPerSecond + " bit/s (ffprobe)");

        // storage: what the archive's index holds (its segment rows, not the minute totals the page reads), read
        // before and after the page read it
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        long before = index.usageBytes().getOrDefault("front", 0L);
        long footageBefore = footageMillis(index);
        browser.navigate().refresh();
        WebElement storage = console.waitForValue(
                "front's storage after a refresh",
                Duration.ofSeconds(20),
                () -> row("front").findElement(By.cssSelector("td.storage")),
                td -> !td.getAttribute("data-used-bytes").isEmpty());
        long shown = Long.parseLong(storage.getAttribute("data-used-bytes"));
        long after = index.usageBytes().getOrDefault("front", 0L);
        assertTrue(before > 0 && before <= shown && shown <= after, before + " <= " + shown + " <= " + after);
        long footage = Long.parseLong(storage.getAttribute("data-footage-millis"));
        long footageAfter = footageMillis(index);
        assertTrue(
                footageBefore > 0 && footageBefore <= footage && footage <= footageAfter,
                footageBefore + " <= " + footage + " <= " + footageAfter + " ms");
        Instant firstSegment = index.oldest("front", -1, 1).get(0).start();
        String since =
                row("front").findElement(By.cssSelector("td.storage .used")).getText();
        // kept since the minute of the oldest segment, in the site zone with a date
        Matcher m = Pattern.compile(" · ([0-9]+) (s|min) of footage since (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) E[SD]T$")
                .matcher(since);
        assertTrue(m.find(), since);
        assertEquals(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(java.time.ZoneId.of(SITE_ZONE))
                        .format(firstSegment),
                m.group(3),
                since);
        double unitMillis = m.group(2).equals("min") ? 60_000 : 1_000;
        assertEquals(Math.round(footage / unitMillis), Long.parseLong(m.group(1)), since);
        String last = row("front").findElements(By.tagName("td")).get(6).getText();
        assertTrue(last.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} E[SD]T"), last);

        // the state: a compact pill, not the whole cell
        WebElement pill = row("front").findElement(By.cssSelector("td.state .badge"));
        assertEquals("RECORDING", pill.getText());
        String look = (String) console.script(
                "const pill = getComputedStyle(arguments[0]), cell = getComputedStyle(arguments[0].parentElement);"
                        + "const p = arguments[0].getBoundingClientRect(), c = arguments[0].parentElement"
                        + ".getBoundingClientRect();"
                        + "return [pill.display, pill.backgroundColor !== cell.backgroundColor,"
                        + " parseFloat(pill.borderTopLeftRadius) >= p.height / 2 - 1, p.height < c.height].join();",
                pill);
        // its own colour, round ends, and not as tall as its cell (the row is taller: the storage cell's lines)
        assertEquals("inline-block,true,true,true", look);
        console.assertNothingBlocked();
    }

    @Test
    @Order(2)
    void aQuotaTypedAs500MbIsSavedShownAsTypedAndForecast() throws Exception {
        browser.get(vigil.base + "/#/cameras");
        edit("front", "500MB");
        WebElement storage = console.waitForValue(
                "front's quota on its row",
                Duration.ofSeconds(20),
                () -> row("front").findElement(By.cssSelector("td.storage")),
                td -> "500MB".equals(td.getAttribute("data-quota"))
                        && !td.getAttribute("data-quota-keeps-millis").isEmpty());
        assertTrue(storage.getText().contains("quota 500MB: full "), storage.getText());
        String camera = vigil.send("GET", "/api/cameras/front", null).body();
        assertTrue(camera.contains("\"maxBytes\":500000000"), camera);
        assertTrue(camera.contains("\"quota\":\"500MB\""), camera);
        // the forecast: the whole quota at the rate shown on the same row
        long kbps = Long.parseLong(
                row("front").findElement(By.cssSelector("td.stream-facts")).getAttribute("data-bitrate-kbps"));
        long keeps = Long.parseLong(storage.getAttribute("data-quota-keeps-millis"));
        assertEquals((long) Math.ceil(500_000_000.0 / (kbps * 125) * 1000), keeps, kbps + " kbit/s");
        long used = Long.parseLong(storage.getAttribute("data-used-bytes"));
        Instant fullAt = Instant.parse(storage.getAttribute("data-quota-full-at"));
        Instant expected = Instant.now().plusMillis((long) ((500_000_000.0 - used) / (kbps * 125) * 1000));
        assertTrue(
                Duration.between(fullAt, expected).abs().compareTo(Duration.ofSeconds(30)) < 0,
                fullAt + " vs " + expected);
        // the form shows it back as typed
        row("front").findElement(By.cssSelector("button[data-act=edit]")).click();
        assertEquals("500MB", browser.findElement(By.id("camera-quota")).getAttribute("value"));
        browser.findElement(By.id("camera-cancel")).click();

        // every camera together against the global quota (2 GB here)
        String total = browser.findElement(By.id("storage-total")).getText();
        assertTrue(total.startsWith("All cameras: ") && total.contains(" of the global quota 2GB: full "), total);
        console.script("window.scrollTo(0, 0);");
        console.screenshot("cameras");
    }

    @Test
    @Order(3)
    void aBadQuotaIsRefusedNextToItsField() throws Exception {
        browser.get(vigil.base + "/#/cameras");
        edit("front", "500XB");
        String error = console.waitForValue(
                "the quota's error",
                Duration.ofSeconds(20),
                () -> browser.findElement(By.id("camera-quota-error")).getText(),
                t -> !t.isEmpty());
        assertEquals("has an unknown unit 'XB' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)", error);
        assertEquals("true", browser.findElement(By.id("camera-quota")).getAttribute("aria-invalid"));
        String camera = vigil.send("GET", "/api/cameras/front", null).body();
        assertTrue(camera.contains("\"quota\":\"500MB\""), "unchanged: " + camera);
    }

    @Test
    @Order(4)
    void aCameraOfTheCamerasFileOffersNoChange() throws Exception {
        browser.get(vigil.base + "/#/cameras");
        WebElement door = console.waitForValue("door's row", Duration.ofSeconds(20), () -> row("door"), r -> r != null);
        assertEquals("file", door.getAttribute("data-source"));
        assertEquals(List.of(), door.findElements(By.tagName("button")));
        assertEquals(
                "managed in cameras.yml",
                door.findElement(By.cssSelector("td.actions")).getText());
        // an API camera's row still offers them
        assertEquals(
                3,
                row("front").findElements(By.cssSelector("td.actions button")).size());
        assertEquals(
                List.of("Wall", "Cameras", "Alerts"),
                browser.findElements(By.cssSelector("nav a")).stream()
                        .filter(WebElement::isDisplayed)
                        .map(WebElement::getText)
                        .toList(),
                "an installer's pages");
    }

    /** The footage front's stored segments encode, from the index's segment rows. */
    private static long footageMillis(SegmentIndex index) {
        return index.oldest("front", -1, 100_000).stream()
                .mapToLong(s -> s.durationMillis())
                .sum();
    }

    /** Opens front's form, types the quota and saves. */
    private void edit(String camera, String quota) throws InterruptedException {
        console.waitForValue(
                        camera + "'s edit button",
                        Duration.ofSeconds(20),
                        () -> row(camera).findElement(By.cssSelector("button[data-act=edit]")),
                        b -> b != null)
                .click();
        WebElement field = browser.findElement(By.id("camera-quota"));
        field.clear();
        field.sendKeys(quota);
        browser.findElement(By.id("camera-save")).click();
    }

    private WebElement row(String camera) {
        return browser.findElement(By.cssSelector("#camera-list tr[data-camera=" + camera + "]"));
    }

    /** ffprobe's {@code key=value} entries of one stream ({@code v:0}) or, with none, of the format. */
    private static Map<String, String> probe(Path file, String stream, String entries) throws Exception {
        List<String> command = stream == null
                ? List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=" + entries,
                        "-of",
                        "default=nw=1",
                        file.toString())
                : List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        stream,
                        "-show_entries",
                        "stream=" + entries,
                        "-of",
                        "default=nw=1",
                        file.toString());
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : ExternalTools.run(Duration.ofSeconds(30), command).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }
}
