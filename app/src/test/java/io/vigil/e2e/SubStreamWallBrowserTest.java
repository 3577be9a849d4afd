package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.archive.index.SegmentIndex;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Main and sub streams on the console's wall, in a real browser (Debian's Chromium, headless, a 1920x1080 page)
 * signed in as a viewer, against the running service recording nine cameras from the real RTSP server: eight with a
 * main stream (1280x720) and a sub stream (640x360), one with a main stream only. At 9 tiles per screen each tile of a
 * camera with a sub stream plays the sub stream (its playlist asks for {@code stream=sub}, the decoded picture is 360
 * lines high and its frame count grows), the other the main stream (720 lines); a full view plays the camera's
 * multivariant playlist and says which variant plays, which the picture's height confirms; history shows each stream's
 * spans and (for an admin) plays the range's multivariant playlist from the picked time; the cameras form adds and
 * removes a sub stream and shows the server's error next to its URL; {@code #/wall?stream=main} plays every camera's
 * main stream (the wall bench's comparison). Every wait is a poll with a deadline; a failure
 * says whether the simulator was still running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubStreamWallBrowserTest {

    /** The cameras with a sub stream, in the wall's order (by id). */
    private static final List<String> WITH_SUB =
            List.of("cam1", "cam2", "cam3", "cam4", "cam5", "cam6", "cam7", "cam8");
    /** The camera with a main stream only: the wall's ninth tile. */
    private static final String MAIN_ONLY = "cam9";

    private static final List<String> CAMERAS =
            List.of("cam1", "cam2", "cam3", "cam4", "cam5", "cam6", "cam7", "cam8", MAIN_ONLY);

    private static final int MAIN_HEIGHT = 720;
    private static final int SUB_HEIGHT = 360;
    /** 25 frames: a 1 s GOP at 25 fps, so segments are short and a player starts on a keyframe soon. */
    private static final int GOP_FRAMES = 25;
    /** Frames a playing tile must show while watched: 2 s of the clips' 25 fps. */
    private static final long FRAMES_GROWN = 50;

    private static final String VIEWER = "guard";
    private static final String VIEWER_PASSWORD = "guard-pass-5127";

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-sub-stream-wall");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        ExternalTools.StreamClips streams = ExternalTools.cameraStreams(clips, MAIN_HEIGHT, GOP_FRAMES);
        simulator = new CameraSimulator(CameraSimulator.streamPaths(CAMERAS, Set.copyOf(WITH_SUB), streams), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        // One camera at a time, each recording both its streams before the next is added: the simulator's clients
        // open one or two at once, never seventeen (gst-rtsp-server has aborted on many simultaneous openings)
        for (String camera : CAMERAS) {
            String sub = WITH_SUB.contains(camera)
                    ? ",\"streams\":{\"sub\":{\"url\":\"" + simulator.subUrl(camera) + "\",\"retentionDays\":7}}"
                    : "";
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\":\"" + camera + "\",\"name\":\"Gate " + camera + "\",\"url\":\"" + simulator.url(camera)
                            + "\"" + sub + "}");
            assertEquals(201, created.statusCode(), camera + ": " + created.body());
            for (String stream : WITH_SUB.contains(camera) ? List.of("main", "sub") : List.of("main")) {
                awaitService(
                        camera + "'s " + stream + " stream recording",
                        Duration.ofSeconds(60),
                        () -> "RECORDING".equals(streamState(camera, stream)));
            }
        }
        HttpResponse<String> viewer = vigil.send(
                "POST",
                "/api/users",
                "{\"username\":\"" + VIEWER + "\",\"password\":\"" + VIEWER_PASSWORD + "\",\"role\":\"viewer\"}");
        assertEquals(201, viewer.statusCode(), viewer.body());

        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1920,1080", Map.of());
        browser = console.driver;
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        console.signIn(vigil.base, VIEWER, VIEWER_PASSWORD);
        waitFor(
                "the wall after sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("button[data-size='9']"))
                        .isEmpty());
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.assertNeverShown(TestAdmin.PASSWORD);
            vigil.assertNeverShown(VIEWER_PASSWORD);
            vigil.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void everyTileOfACameraWithASubStreamPlaysItsSubStreamAndTheOtherItsMainStream() throws Exception {
        browser.findElement(By.cssSelector("button[data-size='9']")).click();
        // from here on: what the wall requests (the browser keeps 250 entries unless told otherwise)
        js("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings(); return true;");
        Map<String, Map<String, Object>> playing = waitForTiles(
                "all 9 tiles to play, each its stream",
                Duration.ofSeconds(90),
                tiles -> tiles.keySet().equals(Set.copyOf(CAMERAS))
                        && tiles.values().stream().allMatch(t -> number(t, "frames") > 0 && number(t, "time") > 0));
        for (String camera : CAMERAS) {
            Map<String, Object> tile = playing.get(camera);
            String expected = WITH_SUB.contains(camera) ? "sub" : "main";
            assertEquals(expected, tile.get("stream"), camera + "'s tile says which stream it plays: " + tile);
            assertEquals(expected, tile.get("label"), camera + "'s caption says it: " + tile);
            assertEquals("live", tile.get("playlist"), tile.toString());
        }

        // every tile's picture moves: its decoded frame count grows by 2 s worth
        Map<String, Map<String, Object>> moved = awaitMoving("every tile", playing, t -> true);
        for (String camera : CAMERAS) {
            Map<String, Object> tile = moved.get(camera);
            int height = WITH_SUB.contains(camera) ? SUB_HEIGHT : MAIN_HEIGHT;
            assertEquals(
                    height,
                    number(tile, "height"),
                    camera + "'s picture is its " + tile.get("stream") + " stream's: " + tile);
            System.out.println("MEASURED " + camera + " tile: " + tile.get("stream") + ", " + number(tile, "width")
                    + "x" + number(tile, "height") + ", "
                    + (number(tile, "frames") - number(playing.get(camera), "frames"))
                    + " frames while watched, " + tile.get("behind") + " ms behind");
        }

        // the playlists asked for: a sub stream's tile never loads its main stream's playlist, and the other never a
        // sub
        for (String camera : CAMERAS) {
            String playlist = "/api/cameras/" + camera + "/live.m3u8";
            List<String> asked = waitForValue(
                    camera + "'s tile to reload its playlist",
                    Duration.ofSeconds(20),
                    () -> requested(playlist),
                    urls -> !urls.isEmpty());
            if (WITH_SUB.contains(camera)) {
                assertTrue(asked.stream().allMatch(u -> u.contains("stream=sub")), camera + ": " + asked);
            } else {
                assertTrue(asked.stream().noneMatch(u -> u.contains("stream=sub")), camera + ": " + asked);
            }
        }
        console.screenshot("sub-stream-wall-9");
        console.assertNothingBlocked();
    }

    @Test
    @Order(2)
    void aFullViewPlaysTheMultivariantPlaylistAndSaysWhichVariant() throws Exception {
        String camera = WITH_SUB.get(0);
        js("performance.clearResourceTimings(); return true;");
        browser.findElement(By.cssSelector(".tile[data-camera='" + camera + "']"))
                .click();
        Map<String, Object> full = waitForTile(
                camera + "'s full view to play a variant of its multivariant playlist",
                Duration.ofSeconds(60),
                camera,
                t -> Boolean.TRUE.equals(t.get("full"))
                        && "master".equals(t.get("playlist"))
                        && t.get("variant") != null
                        && number(t, "frames") > 0);
        assertTrue(
                !requested("/api/cameras/" + camera + "/master.m3u8").isEmpty(),
                "the full view loaded master.m3u8: " + requested("/api/cameras/" + camera + "/"));
        // the variant the tile names is the picture it shows: the stream and its height agree with the decoded frames
        long from = number(full, "frames");
        Map<String, Object> shown = waitForTile(
                camera + "'s full view to show the variant it names, moving (from frame " + from + ")",
                Duration.ofSeconds(60),
                camera,
                t -> number(t, "frames") >= from + FRAMES_GROWN
                        && t.get("variant") != null
                        && variantHeight(t) == number(t, "height"));
        Matcher variant = Pattern.compile("(main|sub) (\\d+)p").matcher(String.valueOf(shown.get("variant")));
        assertTrue(variant.matches(), "the variant in words: " + shown);
        assertEquals(
                variant.group(1).equals("sub") ? SUB_HEIGHT : MAIN_HEIGHT, number(shown, "height"), shown.toString());
        assertEquals(variant.group(1), shown.get("stream"), shown.toString());
        assertEquals(shown.get("variant"), shown.get("label"), "the caption names the variant: " + shown);
        System.out.println("MEASURED " + camera + " full view: " + shown.get("variant") + ", " + number(shown, "width")
                + "x" + number(shown, "height"));
        console.screenshot("sub-stream-full-view");

        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        Map<String, Object> back = waitForTile(
                camera + "'s tile to play its sub stream again after the full view",
                Duration.ofSeconds(60),
                camera,
                t -> Boolean.FALSE.equals(t.get("full"))
                        && "sub".equals(t.get("stream"))
                        && "live".equals(t.get("playlist"))
                        && number(t, "height") == SUB_HEIGHT
                        && number(t, "frames") > 0);
        assertEquals("sub", back.get("label"), back.toString());
        long again = number(back, "frames");
        waitForTile(
                camera + "'s sub stream to move again (from frame " + again + ")",
                Duration.ofSeconds(30),
                camera,
                t -> number(t, "frames") >= again + FRAMES_GROWN && number(t, "height") == SUB_HEIGHT);
    }

    @Test
    @Order(3)
    void aCameraWithoutASubStreamKeepsItsMainStreamInFullView() throws Exception {
        js("performance.clearResourceTimings(); return true;");
        long from = number(tile(MAIN_ONLY), "frames");
        browser.findElement(By.cssSelector(".tile[data-camera='" + MAIN_ONLY + "']"))
                .click();
        Map<String, Object> full = waitForTile(
                MAIN_ONLY + "'s full view to play on (from frame " + from + ")",
                Duration.ofSeconds(30),
                MAIN_ONLY,
                t -> Boolean.TRUE.equals(t.get("full")) && number(t, "frames") >= from + FRAMES_GROWN);
        assertEquals("live", full.get("playlist"), full.toString());
        assertEquals("main", full.get("stream"), full.toString());
        assertEquals(MAIN_HEIGHT, number(full, "height"), full.toString());
        assertEquals(List.of(), requested("/api/cameras/" + MAIN_ONLY + "/master.m3u8"), "no multivariant playlist");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitForTile(
                MAIN_ONLY + "'s tile back on the wall",
                Duration.ofSeconds(10),
                MAIN_ONLY,
                t -> Boolean.FALSE.equals(t.get("full")));
    }

    @Test
    @Order(4)
    void historyShowsTheSpansOfEachStream() throws Exception {
        browser.get(vigil.base + "/#/history?camera=" + WITH_SUB.get(0));
        for (String stream : List.of("main", "sub")) {
            waitFor(
                    WITH_SUB.get(0) + "'s timeline to show its " + stream + " stream's spans",
                    Duration.ofSeconds(20),
                    () -> !browser.findElements(By.cssSelector("#timeline .spans[data-stream=" + stream + "] .span"))
                            .isEmpty());
        }
        console.screenshot("sub-stream-history");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("history-camera")))
                .selectByValue(MAIN_ONLY);
        waitFor(
                MAIN_ONLY + "'s timeline: one row, its main stream's",
                Duration.ofSeconds(20),
                () -> Boolean.TRUE.equals(console.script("""
                        const rows = [...document.querySelectorAll('#timeline .spans')];
                        return rows.length === 1 && rows[0].dataset.stream === 'main'
                          && rows[0].querySelectorAll('.span').length > 0;""")));
    }

    @Test
    @Order(5)
    void historyPlaysTheRangesMultivariantPlaylistFromThePickedTime() throws Exception {
        String camera = WITH_SUB.get(0);
        // The pick below is 20 s before the recording's end: both streams must have recorded well before that, or
        // the player rightly starts at the first footage after the picked time (a clock seconds later, as this test
        // once saw when the camera had recorded only about 20 s when it got here)
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        for (String key : List.of(camera, camera + ".sub")) {
            awaitService(
                    key + " to have recorded for 30 s",
                    Duration.ofSeconds(60),
                    () -> index.oldest(key, -1, 1).stream()
                            .anyMatch(s -> s.start().isBefore(Instant.now().minusSeconds(30))));
        }
        browser.findElement(By.id("sign-out")).click();
        console.signIn(vigil.base); // the viewer sees the timeline only: an admin plays
        waitFor(
                "the wall after the admin's sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector(".tile")).isEmpty());
        browser.get(vigil.base + "/#/history?camera=" + camera);
        waitFor(
                camera + "'s sub stream row",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("#timeline .spans[data-stream=sub] .span"))
                        .isEmpty());
        js("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings(); return true;");
        // the cursor starts where the recording ends (now): 20 s back, well inside what both streams recorded, and a
        // player that joined the growing playlist at its live edge instead would show a clock about 20 s off
        org.openqa.selenium.WebElement bar = browser.findElement(By.id("timeline"));
        // the keys move the cursor 20 s back from where the recording ended when the page drew it; a pick at the
        // recording's end itself would ask for footage still being written (a later frame is the first there is).
        // Keys the page did not take (sent while it was still drawing) are sent again, and said so.
        long picked = 0;
        List<String> tries = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && picked == 0; attempt++) {
            long from = Long.parseLong(bar.getAttribute("aria-valuenow"));
            bar.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            long now = from;
            while (System.nanoTime() < deadline && now != from - 20_000) {
                Thread.onSpinWait();
                now = Long.parseLong(bar.getAttribute("aria-valuenow"));
            }
            tries.add(from + " -> " + now);
            picked = now == from - 20_000 ? now : 0;
        }
        System.out.println("MEASURED history cursor moves: " + tries);
        assertTrue(picked != 0, "two left arrows move the cursor 20 s back: " + tries);
        assertTrue(
                picked < System.currentTimeMillis() - 10_000,
                "the picked time is recorded and stored: " + Instant.ofEpochMilli(picked));
        long pickedAt = picked;
        for (String stream : List.of("main", "sub")) {
            List<String> spans =
                    browser.findElements(By.cssSelector("#timeline .spans[data-stream=" + stream + "] .span")).stream()
                            .map(span -> span.getAttribute("data-start") + "-" + span.getAttribute("data-end"))
                            .toList();
            assertTrue(
                    spans.stream()
                            .anyMatch(span -> Long.parseLong(span.split("-")[0]) <= pickedAt
                                    && pickedAt < Long.parseLong(span.split("-")[1])),
                    "the picked time " + picked + " is within a span of the " + stream + " stream: " + spans);
        }
        long pickedNanos = System.nanoTime();
        bar.sendKeys(Keys.ENTER);
        long shown = waitForValue(
                "the history clock to show a frame",
                Duration.ofSeconds(30),
                () -> {
                    String epoch = browser.findElement(By.id("history-clock")).getAttribute("data-epoch-ms");
                    return epoch == null || epoch.isEmpty() ? 0L : Long.parseLong(epoch);
                },
                millis -> millis > 0);
        long sincePickMillis = (System.nanoTime() - pickedNanos) / 1_000_000;
        assertTrue(
                shown >= picked - 1000 && shown <= picked + sincePickMillis + 1000,
                "clock " + Instant.ofEpochMilli(shown) + " for playback picked at " + Instant.ofEpochMilli(picked)
                        + ", " + sincePickMillis + " ms before");
        List<String> masters = requested("/api/cameras/" + camera + "/master.m3u8");
        assertTrue(
                masters.stream().anyMatch(u -> u.contains("start=")),
                "history loaded the range's multivariant playlist: " + requested("/api/cameras/" + camera + "/"));
        @SuppressWarnings("unchecked")
        Map<String, Object> playing = waitForValue(
                "history to name the variant it plays, moving",
                Duration.ofSeconds(30),
                () -> (Map<String, Object>) console.script("""
                        const v = document.getElementById('history-video');
                        return {variant: document.getElementById('history-variant').textContent,
                          height: v.videoHeight, frames: v.getVideoPlaybackQuality().totalVideoFrames};"""),
                m -> m != null
                        && String.valueOf(m.get("variant")).matches("(main|sub) \\d+p")
                        && number(m, "frames") > 25);
        String variant = String.valueOf(playing.get("variant"));
        assertEquals(
                variant.startsWith("sub") ? SUB_HEIGHT : MAIN_HEIGHT,
                number(playing, "height"),
                "the variant named is the one on screen: " + playing);
        assertTrue(
                variant.endsWith(" " + number(playing, "height") + "p"),
                "the range's multivariant playlist states each variant's resolution: " + playing);
        System.out.println("MEASURED " + camera + " history: " + playing + ", clock " + (shown - picked)
                + " ms after the picked time, " + sincePickMillis + " ms after the pick");
        console.screenshot("sub-stream-history-playing");
    }

    @Test
    @Order(6)
    void theCamerasFormAddsAndRemovesASubStreamAndShowsItsFieldErrors() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        console.signIn(vigil.base); // the admin edits cameras
        waitFor(
                "the wall after the admin's sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector(".tile")).isEmpty());
        browser.get(vigil.base + "/#/cameras");
        By edit = By.cssSelector("tr[data-camera=" + MAIN_ONLY + "] button[data-act=edit]");
        waitFor(
                "the cameras list",
                Duration.ofSeconds(20),
                () -> !browser.findElements(edit).isEmpty());
        browser.findElement(edit).click();
        // another host than the main stream's: the server's error, keyed streams.sub.url, next to the field
        fill("camera-streams-sub-url", "rtsp://192.0.2.1/sub");
        browser.findElement(By.id("camera-save")).click();
        String problem = waitForValue(
                "the sub stream URL's field error",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("camera-streams-sub-url-error")).getText(),
                text -> !text.isBlank());
        assertEquals(
                "true", browser.findElement(By.id("camera-streams-sub-url")).getAttribute("aria-invalid"), problem);
        assertNull(path(cameraView(MAIN_ONLY), "streams", "sub"), "nothing changed");

        fill("camera-streams-sub-url", simulator.subUrl(WITH_SUB.get(0))); // the sub clip, at the same host and port
        fill("camera-streams-sub-retentionDays", "3");
        browser.findElement(By.id("camera-save")).click();
        waitFor(
                MAIN_ONLY + "'s sub stream in the API",
                Duration.ofSeconds(10),
                () -> number(path(cameraView(MAIN_ONLY), "streams", "sub", "retentionDays")) == 3);
        assertEquals(simulator.subUrl(WITH_SUB.get(0)), path(cameraView(MAIN_ONLY), "streams", "sub", "url"));
        waitFor(
                MAIN_ONLY + "'s row to name its sub stream",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.cssSelector("tr[data-camera=" + MAIN_ONLY + "] .sub-stream"))
                        .getText()
                        .startsWith("sub: " + simulator.subUrl(WITH_SUB.get(0))));

        browser.findElement(edit).click();
        assertEquals(
                simulator.subUrl(WITH_SUB.get(0)),
                browser.findElement(By.id("camera-streams-sub-url")).getAttribute("value"),
                "the form shows the sub stream");
        assertEquals(
                "3",
                browser.findElement(By.id("camera-streams-sub-retentionDays")).getAttribute("value"));
        fill("camera-streams-sub-url", ""); // empty: no sub stream any more
        browser.findElement(By.id("camera-save")).click();
        waitFor(
                MAIN_ONLY + "'s sub stream removed",
                Duration.ofSeconds(10),
                () -> path(cameraView(MAIN_ONLY), "streams", "main") != null
                        && path(cameraView(MAIN_ONLY), "streams", "sub") == null);
        console.assertNothingBlocked();
    }

    @Test
    @Order(7)
    void theWallWithStreamMainPlaysEveryCamerasMainStream() throws Exception {
        browser.get(vigil.base + "/#/wall?stream=main"); // 9 tiles, as the first test left the wall
        js("performance.clearResourceTimings(); return true;");
        Map<String, Map<String, Object>> playing = waitForTiles(
                "all 9 tiles to play their main streams",
                Duration.ofSeconds(90),
                tiles -> tiles.keySet().equals(Set.copyOf(CAMERAS))
                        && tiles.values().stream()
                                .allMatch(t -> "main".equals(t.get("stream")) && number(t, "frames") > 0));
        Map<String, Map<String, Object>> moved =
                awaitMoving("every tile's main stream", playing, t -> number(t, "height") == MAIN_HEIGHT);
        for (String camera : CAMERAS) {
            Map<String, Object> tile = moved.get(camera);
            assertEquals("main", tile.get("label"), camera + "'s caption says it: " + tile);
            assertEquals(MAIN_HEIGHT, number(tile, "height"), tile.toString());
            List<String> asked = requested("/api/cameras/" + camera + "/live.m3u8");
            assertTrue(
                    !asked.isEmpty() && asked.stream().noneMatch(u -> u.contains("stream=sub")), camera + ": " + asked);
        }
        assertTrue(
                browser.findElement(By.id("wall-mode")).getText().endsWith(", main streams"),
                browser.findElement(By.id("wall-mode")).getText());
    }

    /**
     * Waits until every tile of {@code playing} has decoded {@link #FRAMES_GROWN} more frames (a reconnected player
     * counts anew: from the lowest count seen) and shows what {@code shows} asks; the tiles then.
     */
    private Map<String, Map<String, Object>> awaitMoving(
            String what, Map<String, Map<String, Object>> playing, Predicate<Map<String, Object>> shows)
            throws InterruptedException {
        Map<String, Long> base = new HashMap<>();
        playing.forEach((camera, tile) -> base.put(camera, number(tile, "frames")));
        return waitForTiles(
                what + "'s frame count to grow by " + FRAMES_GROWN + " (from " + base + ")",
                Duration.ofSeconds(60),
                tiles -> {
                    tiles.forEach((camera, t) -> base.merge(camera, number(t, "frames"), Math::min));
                    return tiles.keySet().equals(base.keySet())
                            && tiles.entrySet().stream()
                                    .allMatch(e -> number(e.getValue(), "frames") >= base.get(e.getKey()) + FRAMES_GROWN
                                            && shows.test(e.getValue()));
                });
    }

    private void fill(String id, String text) {
        org.openqa.selenium.WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** The wall's tiles by camera: what each plays and shows ({@link #tile}). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> tiles() {
        List<Map<String, Object>> tiles = (List<Map<String, Object>>) console.script("""
                return [...document.querySelectorAll('.tile')].map((tile) => {
                  const v = tile.querySelector('video');
                  const q = v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality() : null;
                  return {camera: tile.dataset.camera, stream: tile.dataset.stream ?? null,
                    playlist: tile.dataset.playlist ?? null, variant: tile.dataset.variant ?? null,
                    label: tile.querySelector('.stream').textContent, full: tile.classList.contains('full'),
                    frames: q ? q.totalVideoFrames : -1, width: v.videoWidth, height: v.videoHeight,
                    time: Math.floor(v.currentTime * 1000), behind: Number(tile.dataset.behindMillis ?? -1),
                    reconnects: Number(tile.dataset.reconnects)};
                });""");
        Map<String, Map<String, Object>> byCamera = new LinkedHashMap<>();
        for (Map<String, Object> t : tiles) {
            byCamera.put(String.valueOf(t.get("camera")), t);
        }
        return byCamera;
    }

    /** A camera's tile ({@link #tiles}), empty when the wall shows none. */
    private Map<String, Object> tile(String camera) {
        return tiles().getOrDefault(camera, Map.of());
    }

    private Map<String, Map<String, Object>> waitForTiles(
            String what, Duration deadline, Predicate<Map<String, Map<String, Object>>> done)
            throws InterruptedException {
        return waitForValue(what, deadline, this::tiles, done);
    }

    private Map<String, Object> waitForTile(
            String what, Duration deadline, String camera, Predicate<Map<String, Object>> done)
            throws InterruptedException {
        return waitForValue(what, deadline, () -> tile(camera), done);
    }

    /** The height in the tile's variant name ("main 720p": 720), -1 without one. */
    private static long variantHeight(Map<String, Object> tile) {
        Matcher m = Pattern.compile("(\\d+)p$").matcher(String.valueOf(tile.get("variant")));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long number(Map<String, Object> map, String key) {
        return number(map.get(key));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    /** A stream's state as {@code GET /api/cameras/{id}} says ({@code streams.main|sub.status.state}), else null. */
    private String streamState(String camera, String stream) {
        return path(cameraView(camera), "streams", stream, "status", "state") instanceof String state ? state : null;
    }

    /** The camera as {@code GET /api/cameras/{id}} answers, empty unless 200. */
    private Map<String, Object> cameraView(String camera) {
        try {
            HttpResponse<String> r = vigil.send("GET", "/api/cameras/" + camera, null);
            return r.statusCode() != 200
                    ? Map.of()
                    : vigil.context
                            .getBean(JsonMapper.class)
                            .readValue(r.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object at = map;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    /** The URLs the page requested since the resource timings were cleared that contain {@code part}. */
    @SuppressWarnings("unchecked")
    private List<String> requested(String part) {
        return new ArrayList<>((List<String>) console.script(
                "return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes(arguments[0]));",
                part));
    }

    private void js(String script) {
        assertEquals(Boolean.TRUE, console.script(script));
    }

    private void waitFor(String what, Duration deadline, Supplier<Boolean> condition) throws InterruptedException {
        waitForValue(what, deadline, condition, Boolean.TRUE::equals);
    }

    /** {@link ConsoleBrowser#waitForValue}, its failure saying whether the simulator still ran. */
    private <T> T waitForValue(String what, Duration deadline, Supplier<T> value, Predicate<T> done)
            throws InterruptedException {
        return sayingSimulator(() -> console.waitForValue(what, deadline, value, done));
    }

    /** {@link VigilHarness#await}, its failure saying whether the simulator still ran. */
    private void awaitService(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        sayingSimulator(() -> {
            vigil.await(what, deadline, condition);
            return null;
        });
    }

    private interface Wait<T> {
        T run() throws InterruptedException;
    }

    /** Runs a wait; a wait that fails also says whether the simulator still runs, and what it printed. */
    private <T> T sayingSimulator(Wait<T> wait) throws InterruptedException {
        try {
            return wait.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + simulatorState(), e);
        }
    }

    private String simulatorState() {
        return simulator.exited().map(exit -> "THE SIMULATOR " + exit + "; ").orElse("") + simulator.report();
    }
}
