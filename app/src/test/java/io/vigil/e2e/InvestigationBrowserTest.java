package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's investigate page in a real browser (Debian's Chromium, headless, 1600x1000) signed in as the test admin,
 * against the running service recording four cameras from the real RTSP server (each a 720p main and a 360p sub
 * stream), the site's time zone set to America/New_York: the four play on one clock (the frame times the tiles show
 * stay within 100 ms of each other, sampled every second for 30 s at 1x and at 4x, while the picture moves on), a
 * frame step moves every tile one frame, the clock shows the site's zone and UTC on the toggle, a bookmark lands in
 * {@code /api/events} at the shown time and on every camera's row, and a drag on the timeline fills the range with the
 * times under the drag's ends. Every wait is a poll with a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestigationBrowserTest {

    private static final List<String> CAMERAS = List.of("cam1", "cam2", "cam3", "cam4");
    private static final String SITE_ZONE = "America/New_York";
    /** The most the tiles' shown times may differ (the bar; a frame is 40 ms at the clips' 25 fps). */
    private static final long MAX_SPREAD_MILLIS = 100;

    private static final int SAMPLES = 30;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private ChromeDriver browser;
    /** A time every camera recorded, a little after the last one began. */
    private Instant together;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-investigation");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        ExternalTools.StreamClips streams = ExternalTools.cameraStreams(clips, 720, 25);
        simulator = new CameraSimulator(CameraSimulator.streamPaths(CAMERAS, Set.copyOf(CAMERAS), streams), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of("vigil.console.time-zone", SITE_ZONE));
        // one camera at a time, each recording both streams before the next (as SubStreamWallBrowserTest)
        for (String camera : CAMERAS) {
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\":\"" + camera + "\",\"name\":\"Dock " + camera + "\",\"url\":\"" + simulator.url(camera)
                            + "\",\"streams\":{\"sub\":{\"url\":\"" + simulator.subUrl(camera) + "\"}}}");
            assertEquals(201, created.statusCode(), camera + ": " + created.body());
            for (String stream : List.of("main", "sub")) {
                vigil.await(
                        camera + "'s " + stream + " stream recording",
                        Duration.ofSeconds(60),
                        () -> "RECORDING"
                                .equals(path(json("/api/cameras/" + camera), "streams", stream, "status", "state")));
            }
        }
        // the tiles play each camera's sub stream (several cameras) or its main one (one camera): both streams must
        // have footage at the time they are opened at, and a sub stream may begin seconds after its main stream
        Instant lastBegan = Instant.EPOCH;
        for (String camera : CAMERAS) {
            for (String stream : List.of("main", "sub")) {
                vigil.await(
                        camera + "'s first " + stream + " segment in the timeline",
                        Duration.ofSeconds(30),
                        () -> firstSpanStart(camera, stream) != null);
                Instant first = firstSpanStart(camera, stream);
                lastBegan = first.isAfter(lastBegan) ? first : lastBegan;
            }
        }
        together = lastBegan.plusSeconds(3);
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1600,1000", Map.of());
        browser = console.driver;
        console.signIn(vigil.base);
        console.waitFor(
                "the wall after sign-in",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("header.bar:not([hidden])"))
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
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void theSyncRuleSeeksFarOffNudgesALittleOffAndLeavesWithinHalfAFrame() {
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/sync.js').then((s) => done({
                  farAhead: s.correction(1000, 1), behind: s.correction(-100, 1), ahead4x: s.correction(100, 4),
                  littleBehind: s.correction(-25, 1), ahead16x: s.correction(100, 16),
                  within: s.correction(10, 2), pausedOff: s.correction(30, 1, {paused: true}),
                  pausedOn: s.correction(10, 1, {paused: true}), capped: s.correction(390, 1),
                  spread: s.spread([1000, 1040, null, 1010])}));""");
        assertEquals(Map.of("seekSeconds", -1L, "rate", 1L), rules.get("farAhead"), "over 400 ms: seek by it");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 1.1), rules.get("littleBehind"), "25 ms behind: won in 250 ms");
        assertEquals(
                Map.of("seekSeconds", 0L, "rate", 1.2), rules.get("behind"), "100 ms behind: 20 % faster, the most");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 3.6), rules.get("ahead4x"), "won in 250 ms at 4x as at 1x");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 15.6), rules.get("ahead16x"), "not 16 times as fast at 16x");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 2L), rules.get("within"), "within 15 ms: the master's rate");
        assertEquals(Map.of("seekSeconds", -0.03, "rate", 1L), rules.get("pausedOff"), "paused: onto the frame");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 1L), rules.get("pausedOn"), "paused, within half a frame");
        assertEquals(Map.of("seekSeconds", 0L, "rate", 0.8), rules.get("capped"), "a nudge is at most 20 %");
        assertEquals(40L, rules.get("spread"));
    }

    @Test
    @Order(2)
    void fourCamerasPlayOnOneClockAt1x() throws Exception {
        open(together);
        measureSpread("1x", 1);
    }

    @Test
    @Order(3)
    void aFrameStepMovesEveryTileOneFrame() throws Exception {
        click("inv-play"); // pause
        long before = waitForValue(
                "every tile paused within half a frame of the master's",
                Duration.ofSeconds(10),
                () -> {
                    List<Long> shown = shownTimes();
                    long first = shown.get(0);
                    return shown.stream().allMatch(t -> Math.abs(t - first) <= 20) ? first : null;
                },
                t -> t != null);
        click("inv-step");
        List<Long> after = waitForValue(
                "every tile one frame on",
                Duration.ofSeconds(10),
                this::shownTimes,
                shown -> shown.stream().allMatch(t -> t != before && Math.abs(t - shown.get(0)) <= 20));
        assertTrue(Math.abs(after.get(0) - before - 40) <= 2, "one 40 ms frame: " + before + " -> " + after);
        System.out.println("MEASURED frame step: " + before + " -> " + after);
    }

    @Test
    @Order(4)
    void theClockShowsTheSiteTimeZoneAndUtcOnTheToggle() throws Exception {
        HttpResponse<String> settings = vigil.send("GET", "/console/settings.json", null, null);
        assertEquals(200, settings.statusCode());
        assertEquals("{\"timeZone\":\"America/New_York\"}", settings.body(), "public, as the console's files");
        assertEquals(SITE_ZONE, browser.findElement(By.id("inv-zone")).getText());
        // paused (the frame step): the clock stands still
        Map<String, Object> clock = clock();
        Instant shown = Instant.ofEpochMilli(Long.parseLong(String.valueOf(clock.get("epoch"))));
        String eastern = SHOWN.format(shown.atZone(ZoneId.of(SITE_ZONE)));
        assertTrue(eastern.endsWith(" EST") || eastern.endsWith(" EDT"), eastern);
        assertEquals(eastern, clock.get("text"), "the shown time in the site's zone");
        click("inv-utc");
        String utc = SHOWN.format(shown.atZone(ZoneId.of("UTC")));
        console.waitForValue("the clock in UTC", Duration.ofSeconds(5), () -> clock().get("text"), utc::equals);
        assertTrue(
                browser.findElement(By.cssSelector("#inv-timeline .timeline-from"))
                        .getText()
                        .endsWith(" UTC"),
                browser.findElement(By.cssSelector("#inv-timeline .timeline-from"))
                        .getText());
        click("inv-utc");
        console.waitForValue(
                "the clock back in New York", Duration.ofSeconds(5), () -> clock().get("text"), eastern::equals);
        assertTrue(!browser.findElements(By.cssSelector("#timeline .tick")).isEmpty(), "hour and minute ticks");
        console.screenshot("investigate-paused");
    }

    @Test
    @Order(5)
    void aBookmarkFromTheConsoleIsAnEventAtTheShownTimeOnEveryCamerasRow() throws Exception {
        long shown = Long.parseLong(String.valueOf(clock().get("epoch")));
        browser.findElement(By.id("inv-note")).sendKeys("forklift at the dock");
        click("inv-bookmark");
        String from = Instant.ofEpochMilli(shown - 60_000).toString();
        String to = Instant.ofEpochMilli(shown + 60_000).toString();
        Map<String, Object> event = waitForValue(
                "the bookmark in /api/events",
                Duration.ofSeconds(10),
                () -> {
                    List<?> events = (List<?>) json("/api/events?cameraId=cam3&start=" + from + "&end=" + to)
                            .get("events");
                    return events == null || events.isEmpty() ? null : (Map<String, Object>) cast(events.get(0));
                },
                e -> e != null);
        assertEquals("Bookmark", event.get("label"));
        assertEquals("forklift at the dock", event.get("note"));
        assertEquals(CAMERAS, event.get("cameraIds"));
        assertEquals(Instant.ofEpochMilli(shown), Instant.parse(String.valueOf(event.get("start"))), "the shown time");
        for (String camera : CAMERAS) {
            // found and read in one script: the timeline redraws its rows (a found element may be gone the next call)
            String tick = "#timeline .spans[data-camera=" + camera + "] .event.point[data-event-id='" + event.get("id")
                    + "']";
            Object start = waitForValue(
                    camera + "'s row shows the bookmark",
                    Duration.ofSeconds(10),
                    () -> console.script(
                            "const e = document.querySelector(arguments[0]); return e ? e.dataset.start : null;", tick),
                    s -> s != null);
            assertEquals(String.valueOf(shown), start);
        }
    }

    @Test
    @Order(6)
    void aDragOnTheTimelineFillsTheRangeWithTheTimesUnderItsEnds() throws Exception {
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.cssSelector("button[data-zoom=in]")).click(); // a 5 minute window
        }
        WebElement bar = browser.findElement(By.id("timeline"));
        browser.executeScript("""
                window.dragged = [];
                const bar = document.getElementById('timeline');
                for (const type of ['pointerdown', 'pointerup']) {
                  bar.addEventListener(type, (e) => window.dragged.push(e.clientX), true);
                }""");
        new Actions(browser)
                .moveToElement(bar, -300, 0)
                .clickAndHold()
                .moveByOffset(120, 0)
                .moveByOffset(200, 0)
                .release()
                .perform();
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.executeScript("""
                const bar = document.getElementById('timeline');
                const r = bar.getBoundingClientRect();
                return {left: r.left, width: r.width, from: Number(bar.dataset.windowStart),
                  to: Number(bar.dataset.windowEnd), xs: window.dragged,
                  start: document.getElementById('range-start').value, end: document.getElementById('range-end').value};""");
        List<?> xs = (List<?>) seen.get("xs");
        assertEquals(2, xs.size(), "a press and a release: " + seen);
        double left = number(seen.get("left"));
        double width = number(seen.get("width"));
        double from = number(seen.get("from"));
        double millisPerPixel = (number(seen.get("to")) - from) / width;
        double expectedStart = from + (number(xs.get(0)) - left) * millisPerPixel;
        double expectedEnd = from + (number(xs.get(1)) - left) * millisPerPixel;
        long start = Instant.parse(String.valueOf(seen.get("start"))).toEpochMilli();
        long end = Instant.parse(String.valueOf(seen.get("end"))).toEpochMilli();
        System.out.println("MEASURED drag: " + seen + "; expected " + Math.round(expectedStart) + " to "
                + Math.round(expectedEnd) + ", a pixel " + Math.round(millisPerPixel) + " ms");
        assertTrue(Math.abs(start - expectedStart) <= millisPerPixel, "start " + start + " vs " + expectedStart);
        assertTrue(Math.abs(end - expectedEnd) <= millisPerPixel, "end " + end + " vs " + expectedEnd);
        assertTrue(end - start >= 300 * millisPerPixel, "the dragged 320 px: " + (end - start) + " ms");
        assertTrue(browser.findElement(By.cssSelector("#timeline .selection")).isDisplayed(), "the range is drawn");
        console.assertNothingBlocked();
    }

    @Test
    @Order(7)
    void fourCamerasPlayOnOneClockAt4x() throws Exception {
        // 30 s at 4x play 2 minutes: wait until every camera recorded that much after the start
        Instant needed = together.plusSeconds(150);
        vigil.await(
                "every camera to have recorded until " + needed,
                Duration.ofSeconds(240),
                () -> CAMERAS.stream().allMatch(c -> lastSpanEnd(c).isAfter(needed)));
        open(together);
        browser.findElement(By.cssSelector("#inv-speeds button[data-speed='4']"))
                .click();
        measureSpread("4x", 4);
    }

    @Test
    @Order(8)
    void eachCamerasRowShowsItsActivityAsTheApiGivesIt() throws Exception {
        for (String camera : CAMERAS) {
            // the strip as drawn, read at once (the timeline redraws as the playhead moves)
            String read =
                    "const s = document.querySelector('#timeline .spans[data-camera=' + arguments[0] + '] .activity');"
                            + "return s && s.querySelector('.level') ? {start: s.dataset.start, end: s.dataset.end,"
                            + " buckets: s.dataset.buckets, askedAt: s.dataset.askedAt, bars: [...s.querySelectorAll('.level')]"
                            + ".map((b) => [b.dataset.start, b.dataset.bitsPerSecond])} : null;";
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = waitForValue(
                    camera + "'s activity strip",
                    Duration.ofSeconds(20),
                    () -> (Map<String, Object>) console.script(read, camera),
                    m -> m != null);
            // the same question the page asked, answered by the API: every bar of a finished minute (whose bit rate
            // no longer changes; the levels move with the camera's recent median as minutes are added) has its
            // bucket's bit rate, and no bar stands where the API has no footage
            Map<String, Object> asked = json("/api/cameras/" + camera + "/activity?start=" + shown.get("start")
                    + "&end=" + shown.get("end") + "&buckets=" + shown.get("buckets"));
            Map<Long, Double> rates = new java.util.HashMap<>();
            for (Object b : (List<?>) asked.get("buckets")) {
                Map<?, ?> bucket = (Map<?, ?>) b;
                if (bucket.get("bitsPerSecond") != null) {
                    rates.put(
                            Instant.parse(String.valueOf(bucket.get("start"))).toEpochMilli(),
                            number(bucket.get("bitsPerSecond")));
                }
            }
            // a minute was finished and stored when the page asked if it ended some seconds before (upload delay)
            long settled = Long.parseLong(String.valueOf(shown.get("askedAt"))) - 15_000;
            List<?> bars = (List<?>) shown.get("bars");
            int compared = 0;
            for (Object bar : bars) {
                List<?> drawn = (List<?>) bar;
                long start = Long.parseLong(String.valueOf(drawn.get(0)));
                assertTrue(
                        rates.containsKey(start),
                        camera + ": a bar at " + Instant.ofEpochMilli(start) + " where the API has no footage");
                if (start + 60_000 <= settled) {
                    assertEquals(
                            rates.get(start),
                            Double.parseDouble(String.valueOf(drawn.get(1))),
                            1e-6,
                            camera + "'s bar at " + Instant.ofEpochMilli(start));
                    compared++;
                }
            }
            assertTrue(compared >= 1, camera + ": no finished minute to compare among " + bars.size() + " bars");
            System.out.println("MEASURED " + camera + " activity: " + bars.size() + " bars drawn, " + compared
                    + " finished minutes compared with the API");
        }
    }

    /** Opens the page playing the four cameras from t and waits until every tile shows a frame. */
    private void open(Instant t) throws InterruptedException {
        browser.get(vigil.base + "/#/investigate?cameras=" + String.join(",", CAMERAS) + "&at=" + t);
        browser.navigate().refresh(); // a hash change alone keeps the page: load it anew
        waitForValue(
                "four tiles showing frames",
                Duration.ofSeconds(60),
                this::shownTimes,
                shown -> shown.size() == CAMERAS.size() && shown.stream().allMatch(s -> s > 0));
    }

    /**
     * Waits for the tiles to come together, then samples their shown times once a second for 30 s: each spread within
     * {@link #MAX_SPREAD_MILLIS}, and the clock moving on at about the speed (a frozen picture would pass the spread).
     */
    private void measureSpread(String name, double speed) throws Exception {
        waitForValue(
                "the four tiles within " + MAX_SPREAD_MILLIS + " ms at " + name,
                Duration.ofSeconds(30),
                this::shownTimes,
                shown -> shown.size() == CAMERAS.size() && spread(shown) <= MAX_SPREAD_MILLIS);
        List<Long> spreads = new ArrayList<>();
        List<Long> first = shownTimes();
        List<Long> last = first;
        long startedNanos = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            long due = startedNanos + (i + 1) * 1_000_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000)); // a sampling rate, not a wait
            }
            last = shownTimes();
            assertEquals(CAMERAS.size(), last.size(), "every tile shows a frame at sample " + i + ": " + last);
            spreads.add(spread(last));
        }
        double wallSeconds = (System.nanoTime() - startedNanos) / 1e9;
        double playedSeconds = (last.get(0) - first.get(0)) / 1000.0;
        List<Long> sorted = new ArrayList<>(spreads);
        Collections.sort(sorted);
        System.out.println("MEASURED sync spread at " + name + ": worst " + sorted.get(sorted.size() - 1)
                + " ms, median " + sorted.get(sorted.size() / 2) + " ms over " + SAMPLES + " samples "
                + spreads + "; " + String.format(Locale.ROOT, "%.1f", playedSeconds) + " s played in "
                + String.format(Locale.ROOT, "%.1f", wallSeconds) + " s");
        console.screenshot("investigate-" + name);
        assertTrue(
                sorted.get(sorted.size() - 1) <= MAX_SPREAD_MILLIS,
                "the tiles' shown times stayed within " + MAX_SPREAD_MILLIS + " ms at " + name + ": " + spreads);
        assertTrue(
                playedSeconds >= 0.75 * speed * wallSeconds,
                "the picture moved on at " + name + ": " + playedSeconds + " s in " + wallSeconds + " s");
    }

    /** Each tile's shown frame time (epoch millis, its data-playing-date), read at one instant; 0 for none. */
    private List<Long> shownTimes() {
        List<?> shown = (List<?>)
                browser.executeScript(
                        "return [...document.querySelectorAll('#inv-grid .tile')].map((t) => Number(t.dataset.playingDate || 0));");
        return shown.stream().map(s -> ((Number) s).longValue()).toList();
    }

    private static long spread(List<Long> times) {
        return Collections.max(times) - Collections.min(times);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> clock() {
        return (Map<String, Object>)
                browser.executeScript(
                        "const c = document.getElementById('inv-clock'); return {text: c.textContent, epoch: c.dataset.epochMs};");
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private Instant firstSpanStart(String camera, String stream) {
        List<?> spans = (List<?>) json("/api/cameras/" + camera + "/timeline?start="
                        + Instant.now().minusSeconds(3600) + "&end="
                        + Instant.now().plusSeconds(60) + "&stream=" + stream)
                .get("spans");
        return spans == null || spans.isEmpty()
                ? null
                : Instant.parse(String.valueOf(cast(spans.get(0)).get("start")));
    }

    private Instant lastSpanEnd(String camera) {
        List<?> spans = (List<?>) json("/api/cameras/" + camera + "/timeline?start="
                        + Instant.now().minusSeconds(3600) + "&end="
                        + Instant.now().plusSeconds(60))
                .get("spans");
        return spans == null || spans.isEmpty()
                ? Instant.EPOCH
                : Instant.parse(String.valueOf(cast(spans.get(spans.size() - 1)).get("end")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** An API answer as the admin gets it, empty unless 200. */
    private Map<String, Object> json(String path) {
        try {
            HttpResponse<String> r = vigil.send("GET", path, null);
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

    private <T> T waitForValue(String what, Duration deadline, Supplier<T> value, Predicate<T> done)
            throws InterruptedException {
        return console.waitForValue(what, deadline, value, done);
    }
}
