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
 * times under the drag's ends. The History page of one of them draws a point and a ranged event posted through the API
 * where their times fall, names the one pointed at or clicked, and its activity strip as the API gives it. A camera
 * added later (reading cam1's stream) plays from its first footage, waiting on that frame until the clock gets there,
 * then on the clock; one that never recorded says so in words. Every wait is a poll with a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestigationBrowserTest {

    private static final List<String> CAMERAS = List.of("cam1", "cam2", "cam3", "cam4");
    private static final String SITE_ZONE = "America/New_York";
    /** The most the tiles' shown times may differ (the bar; a frame is 40 ms at the clips' 25 fps). */
    private static final long MAX_SPREAD_MILLIS = 100;

    private static final int SAMPLES = 30;
    /** How long before a camera's first footage the late-camera case opens the page (played at 2x after a look). */
    private static final long LATE_SECONDS = 20;

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
                  spread: s.spread([1000, 1040, null, 1010]), early: s.beforeFootage(1000, 2000),
                  arrived: s.beforeFootage(1980, 2000), onTime: s.beforeFootage(1000, null)}));""");
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
        assertEquals(true, rules.get("early"), "footage a second after the clock: held on its first frame");
        assertEquals(false, rules.get("arrived"), "the clock within half a frame of it: it plays");
        assertEquals(false, rules.get("onTime"), "footage at the time chosen");
    }

    @Test
    @Order(2)
    void fourCamerasPlayOnOneClockAt1x() throws Exception {
        // footage of the past, as an investigation plays it: 20 s recorded ahead of the picture, so no player runs out
        // at the live edge meanwhile (there, each new segment arrives at each player at its own moment: a player that
        // runs dry holds the others from the next tick on, and a sample at that tick saw 102 ms once)
        Instant needed = together.plusSeconds(20);
        vigil.await(
                "every camera to have recorded until " + needed,
                Duration.ofSeconds(60),
                () -> CAMERAS.stream().allMatch(c -> lastSpanEnd(c).isAfter(needed)));
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
        // the timeline redraws its labels after the clock (read in one script: the redraw replaces the element)
        console.waitForValue(
                "the timeline's labels in UTC",
                Duration.ofSeconds(5),
                () -> String.valueOf(
                        browser.executeScript("const from = document.querySelector('#inv-timeline .timeline-from');"
                                + " return from ? from.textContent : null;")),
                from -> from.endsWith(" UTC"));
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
    @Order(6) // independent of the drag's order: it hovers where the picture plays
    void hoveringACamerasRowShowsItsSnapshotAtTheTimeUnderThePointerAtTheThumbnailsWidth() throws Exception {
        String camera = CAMERAS.get(1);
        browser.executeScript("""
                window.snapshotsAsked = [];
                window.hoveredAt = [];
                if (!window.fetchBeforeHover) {
                  window.fetchBeforeHover = window.fetch;
                  window.fetch = (url, options) => {
                    if (String(url).includes('/snapshot.jpg')) window.snapshotsAsked.push(String(url));
                    return window.fetchBeforeHover(url, options);
                  };
                }
                document.getElementById('timeline').addEventListener('pointermove',
                  (e) => window.hoveredAt.push(e.clientX), true);""");
        // the pointer on the camera's row, at the time playing now (footage there for sure)
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) browser.executeScript("""
                const bar = document.getElementById('timeline');
                const r = bar.getBoundingClientRect();
                const row = document.querySelector('#timeline .spans[data-camera=' + arguments[0] + ']').getBoundingClientRect();
                const from = Number(bar.dataset.windowStart), to = Number(bar.dataset.windowEnd);
                const playing = Number(document.querySelector('#inv-grid .tile').dataset.playingDate);
                return {dx: (playing - from) / (to - from) * r.width - r.width / 2, dy: row.top + row.height / 2 - (r.top + r.height / 2)};""", camera);
        new Actions(browser)
                .moveToElement(
                        browser.findElement(By.id("timeline")), (int) number(at.get("dx")), (int) number(at.get("dy")))
                .perform();
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = waitForValue(
                camera + "'s snapshot under the pointer",
                Duration.ofSeconds(20),
                () -> (Map<String, Object>) browser.executeScript("""
                        const img = document.querySelector('img.thumb');
                        const bar = document.getElementById('timeline');
                        const r = bar.getBoundingClientRect();
                        return img && !img.hidden && img.complete && img.naturalWidth > 0 ? {camera: img.dataset.camera,
                          width: img.naturalWidth, height: img.naturalHeight, asked: window.snapshotsAsked,
                          xs: window.hoveredAt, left: r.left, pixels: r.width, from: Number(bar.dataset.windowStart),
                          to: Number(bar.dataset.windowEnd)} : null;"""),
                m -> m != null);
        assertEquals(camera, shown.get("camera"));
        assertEquals(List.of(160L, 90L), List.of(shown.get("width"), shown.get("height")), "made at the width shown");
        List<?> asked = (List<?>) shown.get("asked");
        assertEquals(1, asked.size(), "one snapshot for one resting pointer: " + asked);
        String url = String.valueOf(asked.get(0));
        assertTrue(url.contains("/api/cameras/" + camera + "/snapshot.jpg?") && url.contains("width=160"), url);
        String atParameter = java.net.URLDecoder.decode(
                url.replaceAll(".*[?&]at=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        List<?> xs = (List<?>) shown.get("xs");
        double millisPerPixel = (number(shown.get("to")) - number(shown.get("from"))) / number(shown.get("pixels"));
        double expected = number(shown.get("from"))
                + (number(xs.get(xs.size() - 1)) - number(shown.get("left"))) * millisPerPixel;
        long asked1 = Instant.parse(atParameter).toEpochMilli();
        System.out.println("MEASURED hover snapshot: " + url + "; the pointer's time " + Math.round(expected)
                + ", a pixel " + Math.round(millisPerPixel) + " ms");
        assertTrue(
                Math.abs(asked1 - expected) <= millisPerPixel,
                "the time under the pointer: " + asked1 + " vs " + expected);
        new Actions(browser)
                .moveToElement(browser.findElement(By.id("inv-grid")))
                .perform();
        console.assertNothingBlocked();
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
    @Order(8)
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
    @Order(9)
    void eachCamerasRowShowsItsActivityAsTheApiGivesIt() throws Exception {
        for (String camera : CAMERAS) {
            assertActivityAsTheApiGivesIt("#timeline .spans[data-camera=" + camera + "]", camera);
        }
    }

    @Test
    @Order(10)
    void historyDrawsTheCamerasEventsWhereTheyHappenedNamesThemAndDrawsItsActivity() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // inside the 5 minutes the zoomed bar shows around the newest footage
        Instant at = now.minusSeconds(45);
        Instant from = now.minusSeconds(120);
        Instant to = now.minusSeconds(90);
        String point = postEvent("{\"cameraIds\": [\"cam1\"], \"at\": \"" + at
                + "\", \"label\": \"Door forced\", \"note\": \"back door\", \"source\": \"door panel\"}");
        String ranged = postEvent("{\"cameraIds\": [\"cam1\"], \"start\": \"" + from + "\", \"end\": \"" + to
                + "\", \"label\": \"Loitering\"}");
        browser.get(vigil.base + "/#/history?camera=cam1");
        browser.navigate().refresh();
        console.waitFor(
                "the history timeline",
                Duration.ofSeconds(20),
                () -> !browser.findElements(By.cssSelector("#timeline .spans[data-stream=main]"))
                        .isEmpty());
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.cssSelector("button[data-zoom=in]")).click(); // 5 minutes around the newest footage
        }
        String row = "#timeline .spans[data-stream=main]";
        // where each event is drawn against where its times fall in the window shown, read at one instant
        String read = "const row = document.querySelector(arguments[0]);"
                + "const bar = document.getElementById('timeline');"
                + "const e = row && row.querySelector('.event[data-event-id=\"' + arguments[1] + '\"]');"
                + "if (!e) return null; const r = row.getBoundingClientRect(); const b = e.getBoundingClientRect();"
                + "return {left: b.left - r.left, right: b.right - r.left, width: r.width, start: Number(e.dataset.start),"
                + " from: Number(bar.dataset.windowStart), to: Number(bar.dataset.windowEnd), point: e.classList.contains('point')};";
        Map<String, Object> tick = drawnEvent(read, row, point);
        assertEquals(at.toEpochMilli(), number(tick.get("start")), 0, "the point event's time");
        assertEquals(true, tick.get("point"), "a point event is a tick");
        // a tick 3 px wide centred on its time: its middle within a pixel of where its time falls
        assertEquals(
                x(tick, at), (number(tick.get("left")) + number(tick.get("right"))) / 2 - 0.5, 1.0, "tick " + tick);
        Map<String, Object> bar = drawnEvent(read, row, ranged);
        assertEquals(false, bar.get("point"), "a ranged event is a bar");
        assertEquals(x(bar, from), number(bar.get("left")), 1.0, "the bar begins at its start: " + bar);
        assertEquals(x(bar, to), number(bar.get("right")), 1.0, "the bar ends at its end: " + bar);
        System.out.println("MEASURED history events: tick " + tick + ", bar " + bar);

        // the bar is redrawn every 10 s: find, point at and click each event afresh until it takes
        By tickElement = By.cssSelector(row + " .event[data-event-id='" + point + "']");
        console.waitFor("pointing at the point event", Duration.ofSeconds(10), () -> {
            new Actions(browser).moveToElement(browser.findElement(tickElement)).perform();
            return true;
        });
        String named = console.waitForValue(
                "the hovered event named under the timeline",
                Duration.ofSeconds(5),
                () -> browser.findElement(By.id("history-event")).getText(),
                text -> text.startsWith("Door forced"));
        assertEquals("Door forced: back door (" + SHOWN.format(at.atZone(ZoneId.of("UTC"))) + ", door panel)", named);

        By barElement = By.cssSelector(row + " .event[data-event-id='" + ranged + "']");
        console.waitFor("clicking the ranged event", Duration.ofSeconds(10), () -> {
            browser.findElement(barElement).click();
            return true;
        });
        console.waitForValue(
                "the clicked event named under the timeline",
                Duration.ofSeconds(5),
                () -> browser.findElement(By.id("history-event")).getText(),
                text -> text.startsWith("Loitering ("));
        long shown = console.waitForValue(
                "playback from the clicked event's start",
                Duration.ofSeconds(30),
                () -> Long.parseLong(browser.findElement(By.id("history-clock")).getAttribute("data-epoch-ms")),
                t -> t > 0);
        assertTrue(
                shown >= from.toEpochMilli() - 1000 && shown < from.toEpochMilli() + 10_000,
                "playing from the event's start " + from + ": " + Instant.ofEpochMilli(shown));
        assertActivityAsTheApiGivesIt(row, "cam1");
        console.screenshot("history-events");
        console.assertNothingBlocked();
    }

    @Test
    @Order(7) // before the 4x case, which waits minutes for footage anyway
    void aCameraThatStartsLaterPlaysFromItsFirstFootageOnTheClockAndOneWithoutFootageSaysSo() throws Exception {
        // cam5 reads cam1's stream but begins recording now, minutes after the others; cam6's camera never answers
        for (String camera : List.of("cam5:" + simulator.url("cam1"), "cam6:rtsp://127.0.0.1:1/x")) {
            String[] idUrl = camera.split(":", 2);
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\":\"" + idUrl[0] + "\",\"name\":\"Dock " + idUrl[0] + "\",\"url\":\"" + idUrl[1] + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
        try {
            vigil.await("cam5's first segment", Duration.ofSeconds(60), () -> firstSpanStart("cam5", "main") != null);
            Instant first = firstSpanStart("cam5", "main");
            Instant t = first.minusSeconds(LATE_SECONDS); // cam1 and cam2 recorded then, cam5 not yet
            List<String> cameras = List.of("cam1", "cam2", "cam5", "cam6");
            browser.get(vigil.base + "/#/investigate?cameras=" + String.join(",", cameras) + "&at=" + t);
            browser.navigate().refresh();
            ZoneId site = ZoneId.of(SITE_ZONE);
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
            console.waitForValue(
                    "cam6's tile saying it has no footage",
                    Duration.ofSeconds(20),
                    () -> tileText("cam6", ".overlay"),
                    ("No footage from " + time.format(t.atZone(site)))::equals);
            // while the clock is before cam5's footage: cam5 on its first frame, saying from when; cam1 and cam2 on the
            // clock
            Map<String, Object> waiting = console.waitForValue(
                    "cam1 and cam2 on one clock, cam5 waiting on its first frame",
                    Duration.ofSeconds(30),
                    () -> tiles(),
                    m -> shown(m, "cam1") > 0
                            && Math.abs(shown(m, "cam1") - shown(m, "cam2")) <= MAX_SPREAD_MILLIS
                            && shown(m, "cam5") > 0
                            && String.valueOf(first.toEpochMilli())
                                    .equals(tile(m, "cam5").get("waitsFor")));
            assertTrue(shown(waiting, "cam1") < first.toEpochMilli(), "the clock before cam5's footage: " + waiting);
            assertTrue(shown(waiting, "cam5") >= first.toEpochMilli() - 40, "cam5 shows its first frame: " + waiting);
            assertTrue(shown(waiting, "cam5") < first.toEpochMilli() + 500, "held there: " + waiting);
            assertEquals(
                    "footage from " + time.format(first.atZone(site)),
                    tile(waiting, "cam5").get("from"));
            assertEquals("0", String.valueOf(tile(waiting, "cam6").get("shown")), "no picture for cam6: " + waiting);
            console.screenshot("investigate-late-camera");
            // at 2x the clock reaches cam5's footage in a few seconds (well behind its live edge still): cam5 then
            // plays, on the clock with the others
            browser.findElement(By.cssSelector("#inv-speeds button[data-speed='2']"))
                    .click();
            Map<String, Object> joined = console.waitForValue(
                    "cam5 playing on the clock with cam1 and cam2",
                    Duration.ofSeconds(30),
                    () -> tiles(),
                    m -> shown(m, "cam1") > first.toEpochMilli() + 1000
                            && tile(m, "cam5").get("waitsFor") == null
                            && spread(List.of(shown(m, "cam1"), shown(m, "cam2"), shown(m, "cam5")))
                                    <= MAX_SPREAD_MILLIS);
            double played = number(tile(joined, "cam5").get("currentTime"));
            Map<String, Object> later = console.waitForValue(
                    "cam5's video moving on",
                    Duration.ofSeconds(10),
                    () -> tiles(),
                    m -> number(tile(m, "cam5").get("currentTime")) > played + 1);
            assertTrue(shown(later, "cam5") > first.toEpochMilli(), "cam5 past its first frame: " + later);
            System.out.println("MEASURED late camera: footage from " + first + ", chosen " + t + "; waiting " + waiting
                    + "; joined " + joined);
        } finally {
            for (String camera : List.of("cam5", "cam6")) {
                vigil.send("DELETE", "/api/cameras/" + camera, null);
            }
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

    /**
     * The activity strip drawn on the row (a CSS selector) is the camera's activity as the API gives it for the same
     * question: every bar of a finished minute has its bucket's bit rate, and no bar stands where the API has no footage.
     */
    private void assertActivityAsTheApiGivesIt(String row, String camera) throws InterruptedException {
        // the strip as drawn, read at once (the timeline redraws as the playhead moves)
        String read = "const s = document.querySelector(arguments[0] + ' .activity');"
                + "return s && s.querySelector('.level') ? {start: s.dataset.start, end: s.dataset.end,"
                + " buckets: s.dataset.buckets, askedAt: s.dataset.askedAt, bars: [...s.querySelectorAll('.level')]"
                + ".map((b) => [b.dataset.start, b.dataset.bitsPerSecond])} : null;";
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = waitForValue(
                camera + "'s activity strip",
                Duration.ofSeconds(20),
                () -> (Map<String, Object>) console.script(read, row),
                m -> m != null);
        // the same question the page asked, answered by the API: every bar of a finished minute (whose bit rate
        // no longer changes; the levels move with the camera's recent median as minutes are added) has its
        // bucket's bit rate, and no bar stands where the API has no footage
        Map<String, Object> asked = json("/api/cameras/" + camera + "/activity?start=" + shown.get("start") + "&end="
                + shown.get("end") + "&buckets=" + shown.get("buckets"));
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

    /** Posts an event as the test admin; its id. */
    private String postEvent(String json) throws Exception {
        HttpResponse<String> posted = vigil.send("POST", "/api/events", json);
        assertEquals(201, posted.statusCode(), posted.body());
        return String.valueOf(vigil.context
                .getBean(JsonMapper.class)
                .readValue(posted.body(), Argument.mapOf(String.class, Object.class))
                .get("id"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> drawnEvent(String read, String row, String id) throws InterruptedException {
        return waitForValue(
                "event " + id + " drawn on the timeline",
                Duration.ofSeconds(20),
                () -> (Map<String, Object>) console.script(read, row, id),
                m -> m != null);
    }

    /** Pixels from the row's left where a time falls in the window the drawing was read with. */
    private static double x(Map<String, Object> drawn, Instant t) {
        double from = number(drawn.get("from"));
        return (t.toEpochMilli() - from) / (number(drawn.get("to")) - from) * number(drawn.get("width"));
    }

    /** Each tile by camera: {shown (its data-playing-date, 0 for none), waitsFor, from, currentTime}, at one instant. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> tiles() {
        return (Map<String, Object>) console.script("""
                const out = {};
                for (const t of document.querySelectorAll('#inv-grid .tile')) {
                  out[t.dataset.camera] = {shown: Number(t.dataset.playingDate || 0), waitsFor: t.dataset.waitsFor || null,
                    from: t.querySelector('.from').textContent, currentTime: t.querySelector('video').currentTime};
                }
                return out;""");
    }

    private static Map<String, Object> tile(Map<String, Object> tiles, String camera) {
        return cast(tiles.get(camera));
    }

    private static long shown(Map<String, Object> tiles, String camera) {
        return tiles.get(camera) == null ? 0 : ((Number) tile(tiles, camera).get("shown")).longValue();
    }

    private String tileText(String camera, String selector) {
        return browser.findElement(By.cssSelector("#inv-grid .tile[data-camera=" + camera + "] " + selector))
                .getText();
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
