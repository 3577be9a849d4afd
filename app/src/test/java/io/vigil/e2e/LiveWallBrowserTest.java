package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The camera wall's live tiles in a real browser (Debian's Chromium, headless, driven by Selenium, a 1920x1080
 * window) against the running service recording four cameras from the real RTSP server: the tiles play Low-Latency
 * HLS (they load parts and use blocking playlist reload), show the wall-clock time of the frame on screen and how far
 * behind live it is, fit the window at 1, 4, 9 and 16 tiles, go back to the live edge when they fall behind or their
 * picture stops, are reconnected when it still does not move, and play plain HLS from the archive when the page asks
 * ({@code #/wall?hls=plain}). No timing is asserted: every wait is a poll with a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveWallBrowserTest {

    private static final List<String> CAMERAS = List.of("north", "south", "east", "west");
    /** How far the shown frame may be from the browser's clock and still count as "near now" (the wall's own bound). */
    private static final long NEAR_LIVE_MILLIS = 3000;

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-live-wall");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        Path clip = ExternalTools.clip(clips, false);
        simulator = new CameraSimulator(Map.of("north", clip, "south", clip, "east", clip, "west", clip), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        for (String camera : CAMERAS) {
            assertEquals(
                    201,
                    vigil.send(
                                    "POST",
                                    "/api/cameras",
                                    "{\"id\":\"" + camera + "\",\"name\":\"Gate " + camera + "\",\"url\":\""
                                            + simulator.url(camera) + "\"}")
                            .statusCode());
        }

        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1920,1080", Map.of());
        browser = console.driver;
        // the page itself 1920x1080, as on a wall screen in full-screen mode (the window's frame not counted)
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        console.signIn(vigil.base);
        waitFor(
                "the wall after sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector(".tile")).isEmpty());
        for (String camera : CAMERAS) {
            vigil.await(
                    camera + " recording",
                    Duration.ofSeconds(60),
                    () -> "RECORDING".equals(vigil.stateQuietly(camera)));
        }
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
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void theWallPlaysPartsWithBlockingReload() throws Exception {
        openWall("", 4);
        for (String camera : CAMERAS) {
            waitForPlaying(camera);
        }
        // from here on: what the wall requests (the browser keeps 250 entries unless told otherwise)
        js("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings(); return true;");
        for (String camera : CAMERAS) {
            String base = "/api/cameras/" + camera + "/";
            List<String> parts = waitForValue(
                    camera + "'s tile to load parts",
                    Duration.ofSeconds(20),
                    () -> requested(base + "live/"),
                    urls -> urls.stream().anyMatch(u -> u.matches(".*" + base + "live/\\d+\\.\\d+\\.m4s(\\?.*)?")));
            List<String> reloads = waitForValue(
                    camera + "'s tile to reload its playlist blocking",
                    Duration.ofSeconds(20),
                    () -> requested(base + "live.m3u8"),
                    urls -> urls.stream().anyMatch(u -> u.contains("_HLS_msn=")));
            assertTrue(
                    reloads.stream().noneMatch(u -> u.contains("source=archive")),
                    "the low-latency wall never asks for the archive's playlist: " + reloads);
            System.out.println("MEASURED " + camera + ": " + parts.size() + " part/segment requests, e.g. "
                    + parts.get(parts.size() - 1) + "; " + reloads.size() + " playlist requests, e.g. "
                    + reloads.get(reloads.size() - 1));
            waitFor(
                    camera + "'s tile to say it plays LL-HLS parts",
                    Duration.ofSeconds(10),
                    () -> "true".equals(tileData(camera, "lowLatency")));
            assertEquals("low-latency", tileData(camera, "hls"));
        }
        screenshot("live-wall-4");
        assertNothingBlocked();
    }

    @Test
    @Order(2)
    void eachTileShowsTheClockOfItsFrameAndHowFarBehindLiveItIs() throws Exception {
        for (String camera : CAMERAS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = waitForValue(
                    camera + "'s clock and behind-live figure",
                    Duration.ofSeconds(20),
                    () -> (Map<String, Object>) script("""
                            const tile = document.querySelector('.tile[data-camera="' + arguments[0] + '"]');
                            if (!tile.dataset.playingDate) return null;
                            const date = Number(tile.dataset.playingDate);
                            const behind = Number(tile.dataset.behindMillis);
                            const format = new Intl.DateTimeFormat(undefined,
                                {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
                            return {
                              clock: tile.querySelector('.clock').textContent,
                              expected: format.format(new Date(date)),
                              behindText: tile.querySelector('.behind').textContent,
                              expectedBehind: (Math.max(0, behind) / 1000).toFixed(1) + ' s behind',
                              behind: behind,
                              offNow: Date.now() - date,
                            };""", camera),
                    m -> m != null);
            assertEquals(shown.get("expected"), shown.get("clock"), camera + ": the clock shows the frame's time");
            assertTrue(String.valueOf(shown.get("clock")).matches("\\d{2}:\\d{2}:\\d{2}"), shown.toString());
            long offNow = ((Number) shown.get("offNow")).longValue();
            assertTrue(
                    Math.abs(offNow) < 5000,
                    camera + ": the frame's clock time is within a few seconds of the browser's clock: " + shown);
            long behind = ((Number) shown.get("behind")).longValue();
            if (behind < 10_000) {
                assertEquals(shown.get("expectedBehind"), shown.get("behindText"), shown.toString());
            }
            assertTrue(String.valueOf(shown.get("behindText")).matches("\\d+(\\.\\d)? s behind"), shown.toString());
            System.out.println("MEASURED " + camera + " tile: " + shown);
        }
    }

    @Test
    @Order(3)
    void theWallFitsA1920By1080WindowAt1And4And9And16Tiles() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> window =
                (Map<String, Object>) script("return {w: window.innerWidth, h: window.innerHeight};");
        assertEquals(Map.of("w", 1920L, "h", 1080L), window, "the page is 1920x1080");
        for (int size : new int[] {1, 4, 9, 16}) {
            browser.findElement(By.cssSelector("button[data-size='" + size + "']"))
                    .click();
            int expected = Math.min(size, CAMERAS.size());
            waitForValue(
                    size + " tiles per screen",
                    Duration.ofSeconds(10),
                    () -> script("return document.querySelectorAll('.tile').length + ' tiles, wall of '"
                            + " + document.getElementById('wall-grid').dataset.size;"),
                    shown -> (expected + " tiles, wall of " + size).equals(shown));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) script("""
                    return [...document.querySelectorAll('.tile')].map((tile) => {
                      const r = tile.getBoundingClientRect();
                      const c = tile.querySelector('figcaption').getBoundingClientRect();
                      const name = tile.querySelector('.name').getBoundingClientRect();
                      const badge = tile.querySelector('.badge').getBoundingClientRect();
                      return {camera: tile.dataset.camera, top: r.top, bottom: r.bottom, right: r.right,
                        ratio: r.width / r.height, captionBottom: c.bottom, nameBottom: name.bottom,
                        badgeBottom: badge.bottom, badgeRight: badge.right, innerHeight: window.innerHeight,
                        innerWidth: window.innerWidth, scrollHeight: document.documentElement.scrollHeight};
                    });""");
            assertEquals(expected, boxes.size());
            for (Map<String, Object> b : boxes) {
                double innerHeight = number(b, "innerHeight");
                double innerWidth = number(b, "innerWidth");
                String where = size + " per screen: " + b;
                assertTrue(number(b, "bottom") <= innerHeight, "the tile ends inside the window, " + where);
                assertTrue(number(b, "captionBottom") <= innerHeight, "the caption is inside the window, " + where);
                assertTrue(number(b, "nameBottom") <= innerHeight && number(b, "badgeBottom") <= innerHeight, where);
                assertTrue(number(b, "right") <= innerWidth && number(b, "badgeRight") <= innerWidth, where);
                assertTrue(Math.abs(number(b, "ratio") - 16.0 / 9) < 0.02, "tiles keep 16:9, " + where);
                assertTrue(number(b, "scrollHeight") <= innerHeight, "nothing to scroll, " + where);
            }
            screenshot("live-wall-fit-" + size);
        }
        browser.findElement(By.cssSelector("button[data-size='4']")).click();
        waitFor(
                "4 tiles again",
                Duration.ofSeconds(10),
                () -> browser.findElements(By.cssSelector(".tile")).size() == 4);
    }

    @Test
    @Order(4)
    void aTileBehindItsTargetSeeksForwardWithinWhatItHasBuffered() throws Exception {
        String camera = "north";
        waitForNearLive(camera, "before the seek");
        // 5 s back, inside what the player has buffered: far behind, with the pictures to catch up already there
        waitFor(
                camera + " to have 5 s buffered behind its picture",
                Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(script("""
                        const v = document.querySelector('.tile[data-camera="' + arguments[0] + '"] video');
                        return v.buffered.length > 0 && v.currentTime - v.buffered.start(0) > 5.5;""", camera)));
        long catchUps = number(camera, "catchUps");
        long reconnects = number(camera, "reconnects");
        script(
                "const v = document.querySelector('.tile[data-camera=\"' + arguments[0] + '\"] video');"
                        + " v.currentTime -= 5; return 1;",
                camera);
        waitFor(
                camera + " to catch up within its buffer",
                Duration.ofSeconds(20),
                () -> number(camera, "catchUps") > catchUps);
        waitForNearLive(camera, "after falling behind");
        assertEquals(reconnects, number(camera, "reconnects"), "caught up without reconnecting");
        System.out.println("MEASURED " + camera + " caught up " + (number(camera, "catchUps") - catchUps) + " time(s), "
                + tileData(camera, "behindMillis") + " ms behind");
    }

    @Test
    @Order(5)
    void aTileWhosePictureStopsJumpsBackToTheLiveEdge() throws Exception {
        String camera = "south";
        waitForNearLive(camera, "before the pause");
        long jumps = number(camera, "liveJumps");
        long reconnects = number(camera, "reconnects");
        script(
                "document.querySelector('.tile[data-camera=\"' + arguments[0] + '\"] video').pause(); return 1;",
                camera);
        waitFor(
                camera + " to jump to the live edge",
                Duration.ofSeconds(20),
                () -> number(camera, "liveJumps") > jumps);
        waitFor(
                camera + " to play again",
                Duration.ofSeconds(10),
                () -> Boolean.FALSE.equals(script(
                        "return document.querySelector('.tile[data-camera=\"' + arguments[0] + '\"] video').paused;",
                        camera)));
        assertEquals("still", tileData(camera, "lastJump"), "why it jumped");
        waitForNearLive(camera, "after its picture stopped");
        assertEquals(reconnects, number(camera, "reconnects"), "the jump was enough: no reconnection");
        System.out.println("MEASURED " + camera + " jumped (" + tileData(camera, "lastJump") + "), "
                + tileData(camera, "behindMillis") + " ms behind");
    }

    @Test
    @Order(6)
    void aTileWhosePictureStaysStillIsReconnectedAtTheLiveEdge() throws Exception {
        String camera = "east";
        waitForNearLive(camera, "before the stall");
        long reconnects = number(camera, "reconnects");
        // the picture stops and stays still through the jump: play() does nothing until the player is reconnected
        script("""
                const v = document.querySelector('.tile[data-camera="' + arguments[0] + '"] video');
                v.play = () => Promise.resolve();
                v.pause();
                return 1;""", camera);
        waitFor(camera + " to be reconnected", Duration.ofSeconds(30), () -> number(camera, "reconnects") > reconnects);
        String overlay = tileData(camera, "lastStall");
        script(
                "delete document.querySelector('.tile[data-camera=\"' + arguments[0] + '\"] video').play; return 1;",
                camera);
        assertEquals("STALLED: the picture stopped; reconnecting", overlay, "what the tile said over its picture");
        waitForNearLive(camera, "after its reconnection");
        waitFor(
                camera + "'s overlay to clear once it moves",
                Duration.ofSeconds(10),
                () -> browser.findElement(By.cssSelector(".tile[data-camera=" + camera + "] .overlay"))
                        .getAttribute("textContent")
                        .isEmpty());
        System.out.println("MEASURED " + camera + " reconnected (" + overlay + "), " + tileData(camera, "behindMillis")
                + " ms behind");
    }

    @Test
    @Order(7)
    void theWallPlaysPlainHlsFromTheArchiveWhenAsked() throws Exception {
        openWall("?hls=plain", 4);
        js("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings(); return true;");
        for (String camera : CAMERAS) {
            waitForPlaying(camera);
            assertEquals("plain", tileData(camera, "hls"));
            String base = "/api/cameras/" + camera + "/";
            waitFor(
                    camera + "'s tile to load the archive's playlist",
                    Duration.ofSeconds(20),
                    () -> requested(base + "live.m3u8").stream().anyMatch(u -> u.contains("source=archive")));
            waitFor(
                    camera + "'s tile to say it plays no parts",
                    Duration.ofSeconds(10),
                    () -> "false".equals(tileData(camera, "lowLatency")));
        }
        List<String> all = requested("/api/cameras/");
        assertTrue(all.stream().noneMatch(u -> u.contains("_HLS_msn=")), "plain HLS reloads without blocking: " + all);
        assertTrue(
                all.stream().noneMatch(u -> u.matches(".*/live/\\d+\\.\\d+\\.m4s.*")),
                "plain HLS loads no parts: " + all);
        for (String camera : CAMERAS) {
            // plain HLS plays about two segments behind the edge, more than 3 s behind the clock, by design: as before,
            // a tile jumps to the live edge only when its picture stops, never for being behind
            System.out.println("MEASURED plain " + camera + ": " + tileData(camera, "behindMillis") + " ms behind, "
                    + tileData(camera, "liveJumps") + " jump(s) to the live edge (" + tileData(camera, "lastJump")
                    + ")");
            assertTrue(!"behind".equals(tileData(camera, "lastJump")), camera + " jumped for being behind");
        }
        screenshot("live-wall-plain");
        assertNothingBlocked();
    }

    private void openWall(String query, int size) throws InterruptedException {
        browser.get(vigil.base + "/#/wall" + query);
        browser.navigate().refresh(); // a hash change alone would keep the page's players
        waitFor(
                "the wall",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("button[data-size='" + size + "']"))
                        .isEmpty());
        browser.findElement(By.cssSelector("button[data-size='" + size + "']")).click();
        waitFor(
                size + " tiles",
                Duration.ofSeconds(20),
                () -> browser.findElements(By.cssSelector(".tile")).size() == Math.min(size, CAMERAS.size()));
    }

    private void waitForPlaying(String camera) throws InterruptedException {
        waitFor(camera + "'s tile to play", Duration.ofSeconds(60), () -> Boolean.TRUE.equals(script("""
                        const tile = document.querySelector('.tile[data-camera="' + arguments[0] + '"]');
                        return !!tile && tile.querySelector('video').currentTime > 0 && !!tile.dataset.playingDate;""", camera)));
    }

    /** Waits until the tile's frame is less than {@link #NEAR_LIVE_MILLIS} behind the browser's clock, and moving. */
    private void waitForNearLive(String camera, String when) throws InterruptedException {
        waitFor(
                camera + "'s tile near live " + when + " (its playing date close to now)",
                Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(script("""
                        const tile = document.querySelector('.tile[data-camera="' + arguments[0] + '"]');
                        const v = tile.querySelector('video');
                        return !v.paused && !!tile.dataset.playingDate
                          && Math.abs(Date.now() - Number(tile.dataset.playingDate)) < arguments[1];""", camera, NEAR_LIVE_MILLIS)));
    }

    /** The URLs the page requested since the resource timings were cleared that contain {@code part}. */
    @SuppressWarnings("unchecked")
    private List<String> requested(String part) {
        return (List<String>) script(
                "return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes(arguments[0]));",
                part);
    }

    private String tileData(String camera, String name) {
        return (String) script(
                "const t = document.querySelector('.tile[data-camera=\"' + arguments[0] + '\"]');"
                        + " return t ? (t.dataset[arguments[1]] ?? null) : null;",
                camera,
                name);
    }

    private long number(String camera, String name) {
        String value = tileData(camera, name);
        return value == null ? -1 : Long.parseLong(value);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private Object script(String script, Object... args) {
        return console.script(script, args);
    }

    private void js(String script) {
        assertEquals(Boolean.TRUE, script(script));
    }

    private void assertNothingBlocked() {
        console.assertNothingBlocked();
    }

    private void screenshot(String name) throws Exception {
        console.screenshot(name);
    }

    private void waitFor(String what, Duration deadline, Supplier<Boolean> condition) throws InterruptedException {
        console.waitFor(what, deadline, condition);
    }

    private <T> T waitForValue(String what, Duration deadline, Supplier<T> value, Predicate<T> done)
            throws InterruptedException {
        return console.waitForValue(what, deadline, value, done);
    }
}
