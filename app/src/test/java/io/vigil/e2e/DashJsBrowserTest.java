package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Vigil's DASH manifests played by dash.js (the DASH-IF reference player, {@link DashJs}: the npm package, fetched
 * without a CDN) in a real browser (Debian's Chromium, headless), against the running service recording a camera of
 * the real RTSP simulator with a main stream (1280x720) and a sub stream (640x360), video only: dash.js does not
 * support audio muxed into a video Representation (DASH-IF IOP forbids it); given Vigil's manifest of such a camera it
 * hands the segments whole to one source buffer, which Chromium takes, but it did not play them reliably (README).
 *
 * <p>dash.js is loaded into the console's page, the API's origin (its content security policy allowing what the
 * player needs: media from {@code blob:}, requests to its own origin), and sends the bearer token with every request.
 * A static manifest of a range of 8 s, four segments of one stream (the other's, cut at its own keyframes, begin
 * before the range and end after it), is one period of 8 s and plays from start to end in that stream's
 * Representation (ABR off, it forced): the clock goes through the range, the picture is that stream's, and as many
 * frames are decoded as the range holds: a wrong {@code presentationTimeOffset} or timeline leaves dash.js stalled in
 * a gap, seeking, or skipping frames. (The other Representation starts mid-GOP there, and dash.js, through MSE, shows
 * it from its next keyframe on: see {@code DashPeriods}.) The live manifest plays for 10 s: the clock advances with
 * wall-clock time and stays near the archive's newest segment, the manifest reloaded as it slides. No dash.js error in
 * any. Every wait is a poll with a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashJsBrowserTest {

    private static final String MPD = Mpd.NAMESPACE;
    private static final String CAMERA = "gate";
    private static final int MAIN_WIDTH = 1280;
    private static final int MAIN_HEIGHT = 720;
    private static final int SUB_WIDTH = 640;
    private static final int SUB_HEIGHT = 360;
    /** The simulator's clips: 25 frames a second, a keyframe every second. */
    private static final int FRAMES_PER_SECOND = 25;

    private static final int GOP_FRAMES = 25;
    /** The recorder's segment target (vigil.playback.target-duration-seconds): segments last about this long. */
    private static final double TARGET_SECONDS = 2;
    /**
     * How far behind the live edge the live manifest may play: its {@code suggestedPresentationDelay} is 3 targets
     * (6 s, measured 4.2-6.7 s behind the newest segment's end on an idle machine, up to 7.8 s with a load average of
     * 8 on 2 cores, when Chromium stalled now and then); its live window is 6.
     */
    private static final double MOST_TARGETS_BEHIND = 5;
    /** How long the live manifest is watched. */
    private static final Duration LIVE_WATCH = Duration.ofSeconds(10);

    private Path work;
    private String dashJs;
    private CameraSimulator simulator;
    private VigilHarness vigil;
    private ConsoleBrowser console;
    private String bearer;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        ExternalTools.requireBrowser();
        dashJs = DashJs.script(); // first: without dash.js nothing else is worth starting
        work = Files.createTempDirectory("vigil-dashjs");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        ExternalTools.StreamClips streams = ExternalTools.cameraStreams(clips, MAIN_HEIGHT, GOP_FRAMES);
        simulator =
                new CameraSimulator(CameraSimulator.streamPaths(List.of(CAMERA), Set.of(CAMERA), streams), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        HttpResponse<String> created = vigil.send(
                "POST",
                "/api/cameras",
                "{\"id\":\"" + CAMERA + "\",\"url\":\"" + simulator.url(CAMERA) + "\",\"streams\":{\"sub\":{\"url\":\""
                        + simulator.subUrl(CAMERA) + "\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        bearer = vigil.adminBearer();
        console = new ConsoleBrowser(work.resolve("chromium-profile"), "1280,800", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (vigil != null) {
            vigil.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void aRangesStaticManifestPlaysToItsEndInTheMainRepresentation() throws Exception {
        playsARangeToItsEnd(StreamName.MAIN, MAIN_WIDTH, MAIN_HEIGHT);
    }

    @Test
    @Order(2)
    void aRangesStaticManifestPlaysToItsEndInTheSubRepresentation() throws Exception {
        playsARangeToItsEnd(StreamName.SUB, SUB_WIDTH, SUB_HEIGHT);
    }

    @Test
    @Order(3)
    void theLiveManifestPlaysNearTheLiveEdgeAsItSlides() throws Exception {
        awaitService(
                "both streams recording",
                Duration.ofSeconds(90),
                () -> session(StreamName.MAIN).size() >= 2
                        && session(StreamName.SUB).size() >= 2);
        String path = "/api/cameras/" + CAMERA + "/live.mpd";
        Document mpd = manifest(path);
        assertEquals("dynamic", mpd.getDocumentElement().getAttribute("type"));
        play(path, "main");
        Map<String, Object> playing = waitForPlayer(
                "dash.js to play live.mpd",
                Duration.ofSeconds(40),
                p -> number(p, "frames") > 0 && !isTrue(p, "paused") && number(p, "time") > 0);
        long watchFrom = System.nanoTime();
        double fromTime = number(playing, "time");
        double fromFrames = number(playing, "frames");
        double fromManifests = number(playing, "manifests");
        double fromWaiting = number(playing, "waiting");
        double previous = fromTime;
        double mostBehindEdge = 0;
        double mostLatency = 0;
        List<String> samples = new ArrayList<>();
        Map<String, Object> last = playing;
        long lastAt = watchFrom;
        while (System.nanoTime() - watchFrom < LIVE_WATCH.toNanos()) {
            Map<String, Object> p = player();
            long at = System.nanoTime();
            double edge = newestEnd(StreamName.MAIN);
            double time = number(p, "time");
            assertEquals(List.of(), p.get("errors"), "no dash.js error: " + p);
            assertTrue(time >= previous, "the clock never goes back: " + time + " after " + previous + ": " + p);
            // the media time is wall-clock time (availabilityStartTime is the epoch): compare with the index
            double behindEdge = edge - time;
            double latency = number(p, "latency");
            assertTrue(
                    behindEdge > -0.5 && behindEdge < MOST_TARGETS_BEHIND * TARGET_SECONDS,
                    "the position stays within " + MOST_TARGETS_BEHIND + " segment targets of the archive's newest"
                            + " segment's end: " + behindEdge + " s behind it; " + p);
            assertTrue(
                    latency > 0 && latency < MOST_TARGETS_BEHIND * TARGET_SECONDS,
                    "dash.js's own live latency (behind its clock, set by UTCTiming) stays within "
                            + MOST_TARGETS_BEHIND + " segment targets: " + latency + " s; " + p);
            mostBehindEdge = Math.max(mostBehindEdge, behindEdge);
            mostLatency = Math.max(mostLatency, latency);
            samples.add(String.format("%.2f", behindEdge));
            previous = time;
            last = p;
            lastAt = at;
            Thread.sleep(500);
        }
        double watched = (lastAt - watchFrom) / 1e9;
        double advanced = number(last, "time") - fromTime;
        assertTrue(
                advanced > watched - TARGET_SECONDS && advanced < watched + TARGET_SECONDS,
                "the clock advanced " + advanced + " s in " + watched + " s of watching; " + last);
        double frames = number(last, "frames") - fromFrames;
        assertTrue(
                Math.abs(frames - advanced * FRAMES_PER_SECOND) <= 0.05 * advanced * FRAMES_PER_SECOND + 2,
                frames + " frames decoded while the clock advanced " + advanced + " s; " + last);
        assertTrue(
                number(last, "manifests") - fromManifests >= 3,
                "dash.js reloaded the sliding manifest every target: " + last);
        assertEquals(MAIN_WIDTH, number(last, "width"), last.toString());
        assertEquals(MAIN_HEIGHT, number(last, "height"), last.toString());
        assertEquals("main", last.get("representation"), last.toString());
        System.out.println(String.format(
                "MEASURED dash.js live: clock +%.2f s in %.2f s, %.0f frames, %s manifest loads, at most %.2f s behind"
                        + " the archive's newest segment (samples %s), live latency at most %.2f s, %.0f waiting events"
                        + " while watched",
                advanced,
                watched,
                frames,
                number(last, "manifests") - fromManifests,
                mostBehindEdge,
                samples,
                mostLatency,
                number(last, "waiting") - fromWaiting));
        console.assertNothingBlocked();
        console.screenshot("dashjs-live");
    }

    /** A range of 8 s, four segments of {@code stream}, its static manifest played in that stream's Representation. */
    private void playsARangeToItsEnd(StreamName stream, int width, int height) throws Exception {
        String representation = stream.param();
        List<Segment> range = awaitRange(stream);
        Instant start = range.get(0).start();
        Instant end = range.get(range.size() - 1).end();
        String path = "/api/cameras/" + CAMERA + "/manifest.mpd?start=" + start + "&end=" + end;
        Document mpd = manifest(path);
        double duration = seconds(mpd.getDocumentElement().getAttribute("mediaPresentationDuration"));
        assertEquals(
                Duration.between(start, end).toMillis() / 1000.0,
                duration,
                0.0005,
                "the manifest presents the range, not the sub stream's segments across its ends");
        assertEquals(1, mpd.getElementsByTagNameNS(MPD, "Period").getLength(), "one period: footage all through");
        NodeList representations = mpd.getElementsByTagNameNS(MPD, "Representation");
        Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < representations.getLength(); i++) {
            ids.add(((Element) representations.item(i)).getAttribute("id"));
        }
        assertEquals(Set.of("main", "sub"), ids, "main and sub");
        double footage = footageSeconds(mpd, representation);

        play(path, representation);
        List<Double> times = new ArrayList<>();
        Map<String, Object> done = waitForPlayer(
                "dash.js to play the " + representation + " Representation of " + path + " to its end (" + duration
                        + " s)",
                Duration.ofSeconds(60),
                p -> {
                    assertEquals(List.of(), p.get("errors"), "no dash.js error: " + p);
                    times.add(number(p, "time"));
                    return isTrue(p, "ended") || number(p, "time") > duration - 0.5;
                });
        // and the frames of the end, decoded
        Map<String, Object> ended =
                waitForPlayer("dash.js to end the presentation", Duration.ofSeconds(10), p -> isTrue(p, "ended"));
        assertEquals(List.of(), ended.get("errors"), ended.toString());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) >= times.get(i - 1), "the clock never goes back: " + times);
        }
        assertTrue(
                times.stream().anyMatch(t -> t > 0.25 * duration && t < 0.75 * duration),
                "the clock went through the range: " + times);
        assertEquals(representation, ended.get("representation"), ended.toString());
        assertEquals(width, number(ended, "width"), "the picture is the " + representation + " stream's: " + ended);
        assertEquals(height, number(ended, "height"), "the picture is the " + representation + " stream's: " + ended);
        assertTrue(
                Math.abs(number(ended, "duration") - duration) < 0.1,
                "the video lasts as the manifest says: " + ended + ", " + duration + " s");
        assertTrue(Math.abs(number(ended, "time") - duration) < 0.5, "it ended at the end: " + ended);
        double frames = number(ended, "frames");
        double expected = footage * FRAMES_PER_SECOND;
        assertTrue(
                Math.abs(frames - expected) <= 0.04 * expected,
                frames + " frames decoded of " + footage + " s of " + representation + " footage (" + expected
                        + " frames): " + ended);
        System.out.println(String.format(
                "MEASURED dash.js static %s: %s frames (%s dropped) of %.3f s of footage (%.0f), %sx%s, manifest %.3f s,"
                        + " ended at %.3f s, %s waiting events, clock samples %s",
                representation,
                ended.get("frames"),
                ended.get("dropped"),
                footage,
                expected,
                ended.get("width"),
                ended.get("height"),
                duration,
                number(ended, "time"),
                ended.get("waiting"),
                times));
        console.assertNothingBlocked();
        console.screenshot("dashjs-static-" + representation);
    }

    /**
     * Segments 2 to 5 of the stream's recording session, once the other stream's session has segments from before
     * the first of them to after the last (it began and ended no period of its own there).
     */
    private List<Segment> awaitRange(StreamName stream) throws InterruptedException {
        StreamName other = stream == StreamName.MAIN ? StreamName.SUB : StreamName.MAIN;
        awaitService(
                "6 segments of the " + stream.param() + " stream's session and the " + other.param()
                        + " stream's around segments 2-5",
                Duration.ofSeconds(90),
                () -> {
                    List<Segment> played = session(stream);
                    List<Segment> around = session(other);
                    return played.size() >= 6
                            && !around.isEmpty()
                            && !around.get(0).start().isAfter(played.get(2).start())
                            && !around.get(around.size() - 1)
                                    .end()
                                    .isBefore(played.get(5).end());
                });
        return session(stream).subList(2, 6);
    }

    /** The stream's segments of its newest recording session, oldest first. */
    private List<Segment> session(StreamName stream) {
        List<Segment> newest = vigil.context
                .getBean(SegmentIndex.class)
                .newest(StreamKey.of(CAMERA, stream).value(), 1000);
        if (newest.isEmpty()) {
            return newest;
        }
        String sessionId = newest.stream()
                .max((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .orElseThrow()
                .sessionId();
        return newest.stream()
                .filter(s -> s.sessionId().equals(sessionId))
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .toList();
    }

    /** The end of the stream's newest segment, epoch seconds. */
    private double newestEnd(StreamName stream) {
        List<Segment> s = session(stream);
        return s.get(s.size() - 1).end().toEpochMilli() / 1000.0;
    }

    /**
     * Opens the console's page (the API's origin), loads dash.js into it and plays the manifest at {@code path} in a
     * new muted video element, every request carrying the bearer token, ABR off and {@code representation} (by its
     * bit rate: the other's is far apart) played from the start.
     */
    private void play(String path, String representation) throws InterruptedException {
        console.driver.get(vigil.base + "/");
        console.waitFor(
                "the console's page",
                Duration.ofSeconds(20),
                () -> "complete".equals(console.script("return document.readyState;")));
        // the script's text is the body of the function Selenium runs: DevTools compiles it, which the page's
        // content security policy (script-src 'self') does not govern; the UMD build sets self.dashjs
        assertEquals("object", console.script(dashJs + "\n;return typeof self.dashjs;"), "dash.js loaded");
        Object version = console.script("return dashjs.Version || dashjs.MediaPlayer().create().getVersion();");
        assertEquals(DashJs.VERSION, version, "dash.js version");
        console.script("""
                const [url, authorization, kbps] = arguments;
                const video = document.createElement('video');
                video.muted = true;
                video.playsInline = true;
                video.width = 640;
                video.height = 360;
                document.body.prepend(video);
                const state = {errors: [], manifests: 0, waiting: 0, ended: false};
                const player = dashjs.MediaPlayer().create();
                player.updateSettings({
                  debug: {logLevel: dashjs.Debug.LOG_LEVEL_WARNING},
                  streaming: {abr: {autoSwitchBitrate: {video: false}, initialBitrate: {video: kbps}}}
                });
                player.addRequestInterceptor((request) => {
                  request.headers = Object.assign({}, request.headers, {Authorization: authorization});
                  return Promise.resolve(request);
                });
                const events = dashjs.MediaPlayer.events;
                player.on(events.ERROR, (e) => state.errors.push(JSON.stringify(e.error ?? e)));
                player.on(events.MANIFEST_LOADED, () => state.manifests++);
                video.addEventListener('waiting', () => state.waiting++);
                video.addEventListener('ended', () => { state.ended = true; });
                player.initialize(video, url, true);
                window.vigilDash = {player, video, state};
                return true;
                """, vigil.base + path, bearer, "sub".equals(representation) ? 1 : 1_000_000);
    }

    /** What the player shows now. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> player() {
        return (Map<String, Object>) console.script("""
                const {player, video, state} = window.vigilDash;
                const q = video.getVideoPlaybackQuality();
                const rep = player.getCurrentRepresentationForType('video');
                return {time: video.currentTime, duration: video.duration, ended: video.ended || state.ended,
                  paused: video.paused, width: video.videoWidth, height: video.videoHeight,
                  frames: q.totalVideoFrames, dropped: q.droppedVideoFrames, representation: rep ? rep.id : null,
                  latency: player.isDynamic() ? player.getCurrentLiveLatency() : null, errors: state.errors,
                  manifests: state.manifests, waiting: state.waiting, readyState: video.readyState};
                """);
    }

    private Map<String, Object> waitForPlayer(
            String what, Duration deadline, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        try {
            return console.waitForValue(what, deadline, this::player, p -> {
                if (p.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
                    throw new AssertionError("dash.js failed: " + p);
                }
                return done.test(p);
            });
        } catch (AssertionError e) {
            throw withSimulatorState(e);
        }
    }

    /** {@link VigilHarness#await}, its failure saying whether the simulator still ran. */
    private void awaitService(String what, Duration deadline, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        try {
            vigil.await(what, deadline, condition);
        } catch (AssertionError e) {
            throw withSimulatorState(e);
        }
    }

    private AssertionError withSimulatorState(AssertionError e) {
        return new AssertionError(
                e.getMessage() + "\n"
                        + simulator
                                .exited()
                                .map(x -> "THE SIMULATOR " + x + "; ")
                                .orElse("") + simulator.report(),
                e);
    }

    /** The manifest as Vigil answers it, parsed. */
    private Document manifest(String path) throws Exception {
        HttpResponse<String> answer = vigil.send("GET", path, null, bearer);
        assertEquals(200, answer.statusCode(), answer.body());
        System.out.println("MANIFEST " + path + "\n" + answer.body());
        return Mpd.parse(answer.body());
    }

    /**
     * How much of the Representation's footage the manifest places inside its periods: each period's timeline, from
     * the period's start ({@code presentationTimeOffset}) to the next period's start or the presentation's end.
     */
    private static double footageSeconds(Document mpd, String representation) {
        double total = seconds(mpd.getDocumentElement().getAttribute("mediaPresentationDuration"));
        NodeList periods = mpd.getElementsByTagNameNS(MPD, "Period");
        double footage = 0;
        for (int i = 0; i < periods.getLength(); i++) {
            Element period = (Element) periods.item(i);
            double periodStart = seconds(period.getAttribute("start"));
            double periodEnd = i + 1 < periods.getLength()
                    ? seconds(((Element) periods.item(i + 1)).getAttribute("start"))
                    : total;
            NodeList reps = period.getElementsByTagNameNS(MPD, "Representation");
            for (int r = 0; r < reps.getLength(); r++) {
                Element rep = (Element) reps.item(r);
                if (!rep.getAttribute("id").equals(representation)) {
                    continue;
                }
                Element template = (Element)
                        rep.getElementsByTagNameNS(MPD, "SegmentTemplate").item(0);
                double timescale = Double.parseDouble(template.getAttribute("timescale"));
                double offset = Double.parseDouble(template.getAttribute("presentationTimeOffset"));
                long[] last = Mpd.timeline(template).get(Mpd.timeline(template).size() - 1);
                double end = Math.min(periodEnd, periodStart + (last[0] + last[1] - offset) / timescale);
                footage += Math.max(0, end - periodStart);
            }
        }
        return footage;
    }

    /** An {@code xs:duration} as Vigil writes them ({@code PT8.000S}), in seconds. */
    private static double seconds(String duration) {
        Matcher m = Pattern.compile("PT([0-9.]+)S").matcher(duration);
        assertTrue(m.matches(), duration);
        return Double.parseDouble(m.group(1));
    }

    private static double number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static boolean isTrue(Map<String, Object> map, String key) {
        return Boolean.TRUE.equals(map.get(key));
    }
}
