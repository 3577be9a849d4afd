package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import io.vigil.e2e.ServiceProcess;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Live latency glass to glass in a real browser, LL-HLS against plain HLS in one run (issue 18): Vigil as its own
 * process ({@code engine: native}, embedded store) records cameras of 720p and 1080p from the real GStreamer RTSP
 * server on loopback, and Debian's headless Chromium plays the console's own camera wall ({@code #/wall}: Low-Latency
 * HLS, or {@code #/wall?hls=plain}: plain HLS from the archive) at 1 or 4 tiles, signed in as a viewer whose camera
 * allow-list is that size's cameras, so the tiles play through the console's player module and the wall's catch-up
 * exactly as a guard's do; a probe of the bench's own only watches ({@link WallPage}). All on one machine, so one
 * clock serves all: latency = {@code Date.now() - hls.playingDate}, sampled every second per tile once every tile
 * plays; also the time from opening the page to every tile playing, both for cameras nobody watched in the last
 * minute (the first open of each configuration; LL-HLS waits until its cameras' watch window has passed) and for
 * the same page opened again at once, hls.js's own view (target latency, latency to the playlist's edge, forward
 * buffer), the wall's (catch-ups, jumps to the live edge, reconnects), when each part was loaded and buffered after
 * the capture of its last frame, the requests, and Vigil's delay from a part's last packet to its answer to a
 * waiting request (its {@code /metrics} meter, read before and after each window). Reports, never fails on a figure;
 * fails only if a tile does not play. Not part of the Test command: {@code bench/run latency}; window
 * {@code -Dbench.latency.seconds=60}, warm-up on a camera of its own {@code -Dbench.latency.warmup=10},
 * {@code -Dbench.latency.sizes=720,1080}, {@code -Dbench.latency.tiles=1,4}, {@code -Dbench.latency.protocols=ll,plain},
 * Vigil's watch window {@code -Dbench.latency.watch-window=60}, the server's meter
 * {@code -Dbench.latency.metric=vigil_live_part_answer_seconds}.
 */
class LatencyBench {

    /** How the wall plays: its page, and the playlist its tiles ask for. */
    enum Protocol {
        /** The console's wall as it opens: Low-Latency HLS from the live edge. */
        LL("LL-HLS", "", "live.m3u8", true),
        /** The wall's plain-HLS mode: the archive's live playlist, two segments behind the edge. */
        PLAIN("plain HLS", "?hls=plain", "live.m3u8?source=archive", false);

        final String label;
        final String query;
        final String path;
        final boolean lowLatency;

        Protocol(String label, String query, String path, boolean lowLatency) {
            this.label = label;
            this.query = query;
            this.path = path;
            this.lowLatency = lowLatency;
        }
    }

    record Config(Protocol protocol, int height, int tiles) {
        String label() {
            return protocol.label + ", " + height + "p, " + tiles + (tiles == 1 ? " tile" : " tiles");
        }
    }

    /**
     * One configuration's figures.
     *
     * @param latencies       every tile's samples of {@code Date.now() - playingDate}, ms
     * @param missing         samples without a playingDate
     * @param allPlaying      ms from the navigation to the last tile's first {@code playing} event, first open
     * @param allDated        ms from the navigation to the last tile's first non-null playingDate while playing,
     *                        first open (for LL-HLS: cameras nobody watched within the watch window)
     * @param reopened        the same as allDated, the page opened again at once (cameras just watched)
     * @param wall            the wall's catch-ups, jumps to the live edge and reconnects over the window, all tiles
     * @param parts           the server's part-answer meter over the window (LL-HLS), else null
     * @param samples         every tile's samples, for hls.js's own view
     * @param loaded          per part or segment buffered in the window: ms from its last frame's capture to loaded
     * @param buffered        the same, to buffered
     * @param requests        the page's requests in the window (kind, blocking, duration, waiting)
     * @param settings        the hls.js settings the console gave the first tile (hls.userConfig, functions left out)
     */
    record Result(
            Config config,
            List<Double> latencies,
            int missing,
            double allPlaying,
            double allDated,
            double reopened,
            int[] wall,
            int stalls,
            int waiting,
            int frozen,
            long dropped,
            long frames,
            PromHistogram parts,
            List<Map<String, Object>> samples,
            List<Double> loaded,
            List<Double> buffered,
            List<Map<String, Object>> requests,
            double seconds,
            WindowCpu cpu,
            Map<String, Object> settings) {}

    private static final Duration PLAY_DEADLINE = Duration.ofSeconds(30);
    private static final String WARM_UP_USER = "bench-warm-up";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Protocol, Map<String, Set<Instant>>> segmentStarts = new HashMap<>();
    /** When the bench last had a low-latency tile (or request) on each camera: System.nanoTime(). */
    private final Map<String, Long> lastWatched = new HashMap<>();

    private Duration watchWindow = Duration.ofSeconds(60);
    private ConsoleViewers viewers;

    @Test
    void liveLatencyInChromiumLlHlsAgainstPlainHls() throws Exception {
        ExternalTools.require();
        ExternalTools.requireBrowser();
        int seconds = Integer.getInteger("bench.latency.seconds", 60);
        int warmup = Integer.getInteger("bench.latency.warmup", 10);
        List<Integer> heights = ints("bench.latency.sizes", "720,1080");
        List<Integer> tileCounts = ints("bench.latency.tiles", "1,4");
        List<Protocol> protocols = Stream.of(System.getProperty("bench.latency.protocols", "ll,plain")
                        .split(","))
                .map(p -> Protocol.valueOf(p.trim().toUpperCase(Locale.ROOT)))
                .toList();
        String metric = System.getProperty("bench.latency.metric", "vigil_live_part_answer_seconds");
        watchWindow = Duration.ofSeconds(Integer.getInteger("bench.latency.watch-window", 60));
        int maxTiles = tileCounts.stream().mapToInt(Integer::intValue).max().orElse(1);

        Path inputs = Path.of("target", "ingest-bench");
        Map<Integer, Path> clips = new LinkedHashMap<>();
        for (int h : heights) {
            clips.put(
                    h, h == 1080 ? IngestInputs.camera1080p(inputs, 4) : IngestInputs.camera(inputs, h * 16 / 9, h, 2));
        }
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (int h : heights) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < maxTiles; i++) {
                paths.put(id(h, i), clips.get(h));
                own.add(id(h, i));
            }
            users.put(user(h), own);
        }
        String warmUpCamera = "warm-up" + heights.get(0);
        if (warmup > 0) {
            paths.put(warmUpCamera, clips.get(heights.get(0)));
            users.put(WARM_UP_USER, List.of(warmUpCamera));
        }
        Set<String> logged = heights.stream().map(h -> id(h, 0)).collect(Collectors.toCollection(TreeSet::new));
        String hlsJsVersion = WallPage.hlsJsVersion();
        String chromium = WallPage.chromiumVersion();
        Path work = Files.createTempDirectory("vigil-bench-latency");
        List<Result> results = new ArrayList<>();
        String simulatorReport;
        Map<Protocol, List<String>> timeErrors = new LinkedHashMap<>();
        try (CameraSimulator cameras = CameraSimulator.withKeyframeLog(paths, logged);
                ServiceProcess vigil = new ServiceProcess(
                        work,
                        CameraSimulator.freePort(),
                        List.of(
                                "-Xmx" + System.getProperty("bench.latency.heap", "1g"),
                                "-Dvigil.retention.enabled=false",
                                "-Dvigil.live.watch-window=" + watchWindow.toSeconds() + "s"))) {
            Files.writeString(work.resolve("cameras.yml"), camerasFile(cameras, paths.keySet()));
            vigil.start();
            viewers = new ConsoleViewers(vigil.base());
            for (Map.Entry<String, List<String>> u : users.entrySet()) {
                viewers.create(u.getKey(), u.getValue());
            }
            awaitRecording(vigil, paths.keySet());
            awaitArchiveSegments(vigil, paths.keySet(), 3);
            String hlsJs = "/webjars/hls.js/" + hlsJsVersion + "/dist/hls.min.js";
            if (get(vigil.base() + hlsJs, null).statusCode() != 200) {
                throw new AssertionError("Vigil does not serve " + hlsJs);
            }
            try (WallPage page = new WallPage(work)) {
                if (warmup > 0) {
                    for (Protocol p : protocols) {
                        Result r = measure(
                                page,
                                vigil,
                                cameras,
                                new Config(p, heights.get(0), 1),
                                WARM_UP_USER,
                                List.of(warmUpCamera),
                                warmup,
                                metric);
                        System.out.println("WARM-UP " + summary(r));
                    }
                }
                for (int h : heights) {
                    for (int n : tileCounts) {
                        for (Protocol p : protocols) {
                            Result r = measure(
                                    page,
                                    vigil,
                                    cameras,
                                    new Config(p, h, n),
                                    user(h),
                                    users.get(user(h)).subList(0, n),
                                    seconds,
                                    metric);
                            System.out.println("MEASURED " + summary(r));
                            results.add(r);
                        }
                    }
                }
            }
            for (Protocol p : protocols) {
                for (String id : logged) {
                    Set<Instant> starts =
                            segmentStarts.getOrDefault(p, Map.of()).getOrDefault(id, Set.of());
                    String summary;
                    try {
                        summary = SegmentTimeError.match(
                                        cameras.keyframeCaptures(id), List.copyOf(starts), Duration.ofSeconds(1))
                                .summary();
                    } catch (RuntimeException e) { // a garbled keyframe log must not void the run's figures
                        summary = "not matched: " + e;
                    }
                    timeErrors.computeIfAbsent(p, k -> new ArrayList<>()).add(id + ": " + summary);
                }
            }
            simulatorReport = cameras.report();
            cameras.exited().ifPresent(exit -> {
                throw new AssertionError(exit + "; the figures are void");
            });
        } finally {
            BenchService.deleteTree(work);
        }
        report(
                results,
                seconds,
                metric,
                hlsJsVersion,
                chromium,
                timeErrors,
                simulatorReport,
                clips,
                watchWindow,
                warmup > 0);
    }

    /**
     * One configuration: the wall opened on cameras nobody watched within the watch window (LL-HLS waits for it),
     * until every tile plays; the window of samples; then the page opened again at once, until every tile plays.
     */
    private Result measure(
            WallPage page,
            ServiceProcess vigil,
            CameraSimulator cameras,
            Config c,
            String user,
            List<String> ids,
            int seconds,
            String metric)
            throws Exception {
        if (c.protocol().lowLatency) {
            awaitUnwatched(ids);
        }
        page.open(vigil.base(), viewers.login(user), c.tiles(), c.protocol().query);
        List<Map<String, Object>> status = awaitPlaying(page, vigil, cameras, c, ids, "first open");
        double allPlaying =
                status.stream().mapToDouble(t -> num(t.get("playing"))).max().orElse(Double.NaN);
        double allDated =
                status.stream().mapToDouble(t -> num(t.get("dated"))).max().orElse(Double.NaN);

        PromHistogram before = PromHistogram.parse(metrics(vigil.base()), metric);
        WindowCpu.Meter meter = WindowCpu.start(page.processes(), vigil.pid(), cameras.pid());
        Map<String, Object> window = page.sample(seconds);
        WindowCpu cpu = meter.stop();
        PromHistogram parts = c.protocol().lowLatency
                ? PromHistogram.parse(metrics(vigil.base()), metric).since(before)
                : null;
        if (parts != null && !parts.found()) {
            System.out.println("NO METER " + metric + " in /metrics; meters with \"live\" in their name: "
                    + metrics(vigil.base())
                            .lines()
                            .filter(l -> !l.startsWith("#") && l.contains("live"))
                            .map(l -> l.replaceAll("[{ ].*", ""))
                            .distinct()
                            .toList());
        }
        // where the playlist dates the first camera's segments, against the simulator's keyframe capture times
        String first = ids.get(0);
        String playlist = get(vigil.base() + "/api/cameras/" + first + "/" + c.protocol().path, TestAdmin.basic())
                .body();
        segmentStarts
                .computeIfAbsent(c.protocol(), k -> new HashMap<>())
                .computeIfAbsent(first, k -> new TreeSet<>())
                .addAll(PlaylistDates.segmentStarts(playlist));
        // the same page again at once: cameras watched a moment ago
        page.open(vigil.base(), viewers.login(user), c.tiles(), c.protocol().query);
        double reopened = awaitPlaying(page, vigil, cameras, c, ids, "reopened").stream()
                .mapToDouble(t -> num(t.get("dated")))
                .max()
                .orElse(Double.NaN);
        page.leave(vigil.base());
        if (c.protocol().lowLatency) {
            long now = System.nanoTime();
            ids.forEach(id -> lastWatched.put(id, now));
        }

        List<Double> latencies = new ArrayList<>();
        List<Map<String, Object>> samples = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        List<Double> buffered = new ArrayList<>();
        int missing = 0;
        int stalls = 0;
        int waiting = 0;
        long dropped = 0;
        long frames = 0;
        int frozen = 0;
        int[] wall = new int[3];
        for (Map<String, Object> tile : list(window.get("tiles"))) {
            int valid = 0;
            double previousTime = Double.NaN;
            StringBuilder trace = new StringBuilder();
            for (Map<String, Object> s : list(tile.get("samples"))) {
                samples.add(s);
                double time = num(s.get("currentTime"));
                if (time - previousTime < 0.1) {
                    frozen++; // the picture did not move in the second since the last sample
                }
                previousTime = time;
                if (s.get("latency") == null) {
                    missing++;
                    trace.append(" -");
                } else {
                    latencies.add(num(s.get("latency")));
                    valid++;
                    trace.append(' ').append(Math.round(num(s.get("latency"))));
                }
            }
            System.out.println("SAMPLES " + c.label() + " " + tile.get("camera") + ", ms:" + trace);
            if (valid == 0) {
                throw new AssertionError(c.label() + ": tile " + tile.get("camera") + " stopped playing: "
                        + tile.get("fatal") + " " + tile.get("errors") + "\nVigil's log:\n" + vigil.logTail(60));
            }
            if (!String.valueOf(c.protocol().lowLatency).equals(tile.get("lowLatency"))) {
                throw new AssertionError(c.label() + ": tile " + tile.get("camera") + " says data-low-latency="
                        + tile.get("lowLatency") + ": the wall did not play what this configuration measures");
            }
            wall[0] += (int) num(tile.get("catchUps"));
            wall[1] += (int) num(tile.get("liveJumps"));
            wall[2] += (int) num(tile.get("reconnects"));
            for (Map<String, Object> b : list(tile.get("buffered"))) {
                loaded.add(num(b.get("loaded")));
                buffered.add(num(b.get("buffered")));
            }
            stalls += (int) num(tile.get("stalls"));
            waiting += (int) num(tile.get("waiting"));
            dropped += (long) num(tile.get("dropped"));
            frames += (long) num(tile.get("frames"));
            if (tile.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
                System.out.println("ERRORS " + c.label() + " " + tile.get("camera") + ": " + tile.get("errors"));
            }
        }
        return new Result(
                c,
                latencies,
                missing,
                allPlaying,
                allDated,
                reopened,
                wall,
                stalls,
                waiting,
                frozen,
                dropped,
                frames,
                parts,
                samples,
                loaded,
                buffered,
                list(window.get("requests")),
                num(window.get("seconds")),
                cpu,
                status.get(0).get("config") instanceof Map<?, ?> m ? new TreeMap<>(settings(m)) : null);
    }

    private static void report(
            List<Result> results,
            int seconds,
            String metric,
            String hlsJsVersion,
            String chromium,
            Map<Protocol, List<String>> timeErrors,
            String simulatorReport,
            Map<Integer, Path> clips,
            Duration watchWindow,
            boolean warmUpCamera)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("| protocol | video | tiles | latency p50 s | p95 s | max s | samples (without a date) "
                + "| page → all tiles playing s: first open / reopened "
                + "| stalls / waiting / frozen samples | wall: catch-ups / live-edge jumps / reconnects "
                + "| part answered p50 / p95 ms (mean, parts) |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            List<Double> sorted = sorted(r.latencies());
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %dp | %d | %.2f | %.2f | %.2f | %d (%d) | %.2f / %.2f | %d / %d / %d | %d / %d / %d | %s |",
                    r.config().protocol().label,
                    r.config().height(),
                    r.config().tiles(),
                    percentile(sorted, 50) / 1000,
                    percentile(sorted, 95) / 1000,
                    percentile(sorted, 100) / 1000,
                    sorted.size(),
                    r.missing(),
                    r.allDated() / 1000,
                    r.reopened() / 1000,
                    r.stalls(),
                    r.waiting(),
                    r.frozen(),
                    r.wall()[0],
                    r.wall()[1],
                    r.wall()[2],
                    partAnswer(r.parts())));
        }
        lines.add("");
        lines.add("Where the time goes (medians over each window; hls.js's figures as it reports them; for each part"
                + " (LL-HLS) or segment (plain HLS) buffered in the window, from the end of its media as its playlist"
                + " dates it (date plus duration: the capture of the frame after its last; Vigil sends a part when its"
                + " last frame arrives, one frame interval, 40 ms, before that, so a figure under 40 ms is a part"
                + " in the browser before its media's end) to the browser having loaded it and having it in the"
                + " video's buffer):");
        lines.add("");
        lines.add(
                "| protocol | video | tiles | hls.js target latency s | hls.js latency to the edge s | forward buffer s "
                        + "| captured → loaded ms p50 / p95 | captured → buffered ms p50 / p95 | playlist requests/s per tile "
                        + "(p50 ms) | media requests/s per tile (p50 ms) | playback rate max | dropped / decoded frames "
                        + "| CPU % of a core: Chromium / Vigil / simulator; machine % |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            List<Double> loaded = sorted(r.loaded());
            List<Double> buffered = sorted(r.buffered());
            List<Map<String, Object>> playlists = r.requests().stream()
                    .filter(q -> "playlist".equals(q.get("kind")))
                    .toList();
            List<Map<String, Object>> media = r.requests().stream()
                    .filter(q -> "media".equals(q.get("kind")))
                    .toList();
            double perTileSecond = Math.max(1e-9, r.config().tiles() * r.seconds());
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %dp | %d | %.2f | %.2f | %.2f | %.0f / %.0f | %.0f / %.0f | %.1f (%.0f) | %.1f (%.0f) "
                            + "| %.2f | %d / %d | %.0f / %.0f / %.0f; %.0f |",
                    r.config().protocol().label,
                    r.config().height(),
                    r.config().tiles(),
                    median(r.samples(), "target"),
                    median(r.samples(), "hlsLatency"),
                    median(r.samples(), "buffer"),
                    percentile(loaded, 50),
                    percentile(loaded, 95),
                    percentile(buffered, 50),
                    percentile(buffered, 95),
                    playlists.size() / perTileSecond,
                    percentile(
                            sorted(playlists.stream()
                                    .map(q -> num(q.get("duration")))
                                    .toList()),
                            50),
                    media.size() / perTileSecond,
                    percentile(
                            sorted(media.stream()
                                    .map(q -> num(q.get("duration")))
                                    .toList()),
                            50),
                    r.samples().stream()
                            .mapToDouble(s -> num(s.get("rate")))
                            .max()
                            .orElse(Double.NaN),
                    r.dropped(),
                    r.frames(),
                    r.cpu().chromium(),
                    r.cpu().vigil(),
                    r.cpu().simulator(),
                    r.cpu().machine()));
        }
        lines.add("");
        lines.addAll(goals(results));
        lines.add("");
        lines.add("Playlist dates against the simulator's capture times (segment start minus the capture time of "
                + "the keyframe it begins with, the first camera of each size, segments listed at the end of "
                + "each window):");
        lines.add("");
        timeErrors.forEach((p, summaries) -> summaries.forEach(s -> lines.add("- " + p.label + ", " + s)));
        lines.add("");
        lines.add("Simulator at the end: " + simulatorReport.lines().findFirst().orElse(""));
        String inputs = clips.entrySet().stream()
                .map(e -> e.getKey() + "p: " + e.getValue().getFileName())
                .collect(Collectors.joining(", "));
        BenchService.report(
                "Live latency in Chromium on the console's wall, LL-HLS against plain HLS",
                String.format(
                        Locale.ROOT,
                        "Vigil as its own process (`engine: native`, embedded store, 1 GiB heap) records %s"
                                + " camera(s) of each size (H.264 High, 25 fps, 2 s GOP, no B-frames; %s)%s from one"
                                + " gst-rtsp-server on loopback, which sends each frame when it falls due (its TCP"
                                + " appsink syncs to the clock). %s headless (Selenium), its page 1920x1080, opens"
                                + " the console's own camera wall (`#/wall`: Low-Latency HLS; `#/wall?hls=plain`:"
                                + " plain HLS from the archive) signed in as a viewer whose camera allow-list is"
                                + " that size's cameras, at 1 or 4 tiles (the wall's size as its buttons leave it):"
                                + " the tiles play through the console's player module (`player.js`, hls.js %s from"
                                + " its WebJar) and the wall's catch-up, as a guard's; hls.js got, LL-HLS: `%s`;"
                                + " plain HLS: `%s`. A probe of the bench's own, run before the console's scripts,"
                                + " only watches (it wraps `Hls.prototype.attachMedia` to learn each tile's player)."
                                + " Latency = browser `Date.now()` − `hls.playingDate` (the frame on screen, dated"
                                + " by the playlist's `EXT-X-PROGRAM-DATE-TIME`, which Vigil takes from the capture"
                                + " clock: least-delayed arrival or RTCP sender reports; the tile's own \"s behind\""
                                + " figure is the same difference, taken every 250 ms), every second for %d s per"
                                + " tile from the moment every tile plays (the first second included: a tile's"
                                + " start before the wall's catch-up counts); the zero point is the moment the simulator sends the frame"
                                + " (its capture time on its clock; a real camera's encoder delay comes on top)."
                                + " Page → all tiles playing: from the navigation to a fresh document of the console"
                                + " (its scripts, hls.js and the camera list included) to the last tile's first"
                                + " `playing` event with a `playingDate`; first open: for LL-HLS on cameras no"
                                + " player asked for within Vigil's watch window (%d s; the bench waits that out),"
                                + " whose live edges keep only their newest complete segment; reopened: the same"
                                + " page opened again at once. Part answered: Vigil's `%s`"
                                + " (delay from a part's last packet to its answer to a waiting request), all"
                                + " cameras, scraped from `/metrics` before and after each LL-HLS window: mean and"
                                + " count between the scrapes; p50 / p95 %s. The machine is"
                                + " shared with other work: its CPU over each window is in the second table.",
                        results.isEmpty()
                                ? 0
                                : results.stream()
                                        .mapToInt(r -> r.config().tiles())
                                        .max()
                                        .orElse(0),
                        inputs,
                        warmUpCamera ? " and one more of the first size for a warm-up" : "",
                        chromium,
                        hlsJsVersion,
                        settingsSeen(results, Protocol.LL),
                        settingsSeen(results, Protocol.PLAIN),
                        seconds,
                        watchWindow.toSeconds(),
                        metric,
                        results.stream()
                                        .map(Result::parts)
                                        .filter(h -> h != null && h.found())
                                        .allMatch(h -> h.buckets().isEmpty())
                                ? "as the meter publishes them (Micrometer's own percentiles over about its last"
                                        + " two minutes, read at the window's end)"
                                : "from its histogram's buckets between the scrapes"),
                lines);
    }

    /** The hls.js settings the console gave this protocol's tiles, as JSON-ish text; "-" if not measured. */
    private static String settingsSeen(List<Result> results, Protocol p) {
        return results.stream()
                .filter(r -> r.config().protocol() == p && r.settings() != null)
                .map(r -> r.settings().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}")))
                .distinct()
                .collect(Collectors.joining(" or "))
                .transform(t -> t.isEmpty() ? "-" : t);
    }

    /** The issue's goals, computed from the table (the bench asserts none of them). */
    private static List<String> goals(List<Result> results) {
        List<String> lines = new ArrayList<>();
        List<Result> ll = results.stream()
                .filter(r -> r.config().protocol() == Protocol.LL)
                .toList();
        if (!ll.isEmpty()) {
            long met = ll.stream()
                    .filter(r -> percentile(sorted(r.latencies()), 95) <= 1000)
                    .count();
            long stretch = ll.stream()
                    .filter(r -> percentile(sorted(r.latencies()), 95) <= 600)
                    .count();
            lines.add(String.format(
                    Locale.ROOT,
                    "Goals (computed, not asserted): LL-HLS glass-to-glass p95 ≤ 1.0 s in %d of %d configurations"
                            + " (stretch ≤ 0.6 s: %d); worst LL-HLS p95 %.2f s.",
                    met,
                    ll.size(),
                    stretch,
                    ll.stream()
                                    .mapToDouble(r -> percentile(sorted(r.latencies()), 95))
                                    .max()
                                    .orElse(Double.NaN)
                            / 1000));
            for (Result r : ll) {
                results.stream()
                        .filter(p -> p.config().protocol() == Protocol.PLAIN
                                && p.config().height() == r.config().height()
                                && p.config().tiles() == r.config().tiles())
                        .findFirst()
                        .ifPresent(p -> lines.add(String.format(
                                Locale.ROOT,
                                "- %dp, %d tile(s): p50 %.2f s against plain HLS's %.2f s (%.1f× lower), p95 %.2f"
                                        + " against %.2f s.",
                                r.config().height(),
                                r.config().tiles(),
                                percentile(sorted(r.latencies()), 50) / 1000,
                                percentile(sorted(p.latencies()), 50) / 1000,
                                percentile(sorted(p.latencies()), 50) / percentile(sorted(r.latencies()), 50),
                                percentile(sorted(r.latencies()), 95) / 1000,
                                percentile(sorted(p.latencies()), 95) / 1000)));
            }
            List<String> parts = ll.stream()
                    .filter(r -> r.parts() != null && r.parts().found())
                    .map(r -> String.format(Locale.ROOT, "%.1f", r.parts().quantile(0.95) * 1000))
                    .toList();
            lines.add("- Part answered within 50 ms p95 of its last packet: p95 "
                    + (parts.isEmpty() ? "not measured (no such meter in /metrics)" : String.join(", ", parts) + " ms")
                    + " across the LL-HLS windows.");
        }
        for (Protocol p : Protocol.values()) {
            List<Result> of =
                    results.stream().filter(r -> r.config().protocol() == p).toList();
            if (of.isEmpty()) {
                continue;
            }
            Result first = of.stream()
                    .max(java.util.Comparator.comparingDouble(Result::allDated))
                    .orElseThrow();
            Result again = of.stream()
                    .max(java.util.Comparator.comparingDouble(Result::reopened))
                    .orElseThrow();
            lines.add(String.format(
                    Locale.ROOT,
                    "- Page → all tiles playing ≤ 2 s, %s: first open%s worst %.2f s (%s); reopened worst %.2f s (%s).",
                    p.label,
                    p.lowLatency ? " (cameras nobody watched)" : "",
                    first.allDated() / 1000,
                    first.config().label(),
                    again.reopened() / 1000,
                    again.config().label()));
        }
        return lines;
    }

    private static String partAnswer(PromHistogram h) {
        if (h == null) {
            return "-";
        }
        if (!h.found()) {
            return "no meter";
        }
        return String.format(
                Locale.ROOT,
                "%.1f / %.1f (mean %.1f, %.0f)",
                h.quantile(0.5) * 1000,
                h.quantile(0.95) * 1000,
                h.mean() * 1000,
                h.count());
    }

    private static String summary(Result r) {
        List<Double> sorted = sorted(r.latencies());
        return String.format(
                Locale.ROOT,
                "%s: latency p50 %.0f ms, p95 %.0f, max %.0f (%d samples, %d without a date); all playing %.0f ms,"
                        + " reopened %.0f ms; stalls %d; catch-ups %d, live-edge jumps %d, reconnects %d; part answered %s; hls.js target %.2f s, edge %.2f s, buffer %.2f s;"
                        + " captured→loaded p50 %.0f ms, →buffered p50 %.0f ms; CPU %s",
                r.config().label(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 100),
                sorted.size(),
                r.missing(),
                r.allDated(),
                r.reopened(),
                r.stalls(),
                r.wall()[0],
                r.wall()[1],
                r.wall()[2],
                partAnswer(r.parts()),
                median(r.samples(), "target"),
                median(r.samples(), "hlsLatency"),
                median(r.samples(), "buffer"),
                percentile(sorted(r.loaded()), 50),
                percentile(sorted(r.buffered()), 50),
                r.cpu());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(Map<?, ?> config) {
        return (Map<String, Object>) config;
    }

    /** The viewer whose wall shows this size's cameras. */
    private static String user(int height) {
        return "bench-" + height + "p";
    }

    private static String id(int height, int i) {
        return "cam" + height + "-" + i;
    }

    private static String camerasFile(CameraSimulator cameras, Collection<String> ids) {
        List<String> lines = new ArrayList<>(List.of("cameras:"));
        for (String id : ids) {
            lines.add("  - id: " + id);
            lines.add("    url: " + cameras.url(id));
            lines.add("    engine: native");
        }
        return String.join("\n", lines) + "\n";
    }

    private void awaitRecording(ServiceProcess vigil, Collection<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Map<String, String> states = Map.of();
        while (System.nanoTime() < deadline) {
            states = StreamStates.fetch(http, vigil.base());
            if (StreamStates.recording(states) >= ids.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "not every camera reached RECORDING within 2 min: " + states + "\nVigil's log:\n" + vigil.logTail(60));
    }

    /** Plain HLS starts two segments behind the archive's edge: wait until each camera lists a few. */
    private void awaitArchiveSegments(ServiceProcess vigil, Collection<String> ids, int segments) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (String id : ids) {
            while (true) {
                String playlist = get(
                                vigil.base() + "/api/cameras/" + id + "/" + Protocol.PLAIN.path, TestAdmin.basic())
                        .body();
                if (playlist.lines().filter(l -> l.startsWith("#EXTINF")).count() >= segments) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(id + " lists fewer than " + segments + " segments after 1 min: " + playlist
                            + "\nVigil's log:\n" + vigil.logTail(60));
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Waits until none of these cameras had a low-latency player within Vigil's watch window (and 5 s more): their
     * live edges then keep only their newest complete segment, as for a camera nobody looked at.
     */
    private void awaitUnwatched(List<String> ids) throws InterruptedException {
        long unwatchedAt = ids.stream()
                .filter(lastWatched::containsKey)
                .mapToLong(
                        id -> lastWatched.get(id) + watchWindow.plusSeconds(5).toNanos())
                .max()
                .orElse(Long.MIN_VALUE);
        long wait = unwatchedAt == Long.MIN_VALUE ? 0 : unwatchedAt - System.nanoTime();
        if (wait > 0) {
            System.out.println("WAITING " + Math.round(wait / 1e9) + " s until nobody watched " + ids + " for "
                    + watchWindow.toSeconds() + " s");
            Thread.sleep(wait / 1_000_000 + 1);
        }
    }

    /** Polls the wall until it shows one tile per camera and every tile plays with a date; its tiles' status. */
    private List<Map<String, Object>> awaitPlaying(
            WallPage page, ServiceProcess vigil, CameraSimulator cameras, Config c, List<String> ids, String open)
            throws Exception {
        long deadline = System.nanoTime() + PLAY_DEADLINE.toNanos();
        Map<String, Object> status;
        List<Map<String, Object>> tiles;
        while (true) {
            status = page.status();
            tiles = list(status.get("tiles"));
            List<String> shown =
                    tiles.stream().map(t -> String.valueOf(t.get("camera"))).toList();
            if (shown.equals(ids) && tiles.stream().allMatch(t -> t.get("dated") != null)) {
                break;
            }
            if (!shown.isEmpty() && !ids.containsAll(shown)) {
                throw new AssertionError(c.label() + ": the wall shows " + shown + ", not " + ids + ": " + status);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(c.label() + ", " + open + ": not every tile played within "
                        + PLAY_DEADLINE.toSeconds() + " s: " + status
                        + "\n" + cameras.report() + "\nVigil's log:\n" + vigil.logTail(60));
            }
            Thread.sleep(50);
        }
        for (Map<String, Object> t : tiles) {
            System.out.println("STARTUP " + c.label() + ", " + open + " " + t.get("camera") + ": player made "
                    + Math.round(num(t.get("created"))) + " ms, playing " + Math.round(num(t.get("playing")))
                    + " ms, dated " + Math.round(num(t.get("dated"))) + " ms, players " + t.get("players") + ", "
                    + t.get("startup") + (t.get("errors") instanceof List<?> e && !e.isEmpty() ? ", errors " + e : ""));
        }
        return tiles;
    }

    private String metrics(String base) throws Exception {
        HttpResponse<String> r = get(base + "/metrics", TestAdmin.basic());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /metrics: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Integer> ints(String property, String defaults) {
        return Stream.of(System.getProperty(property, defaults).split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static List<Double> sorted(List<Double> values) {
        return values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
    }

    /** Nearest rank; NaN for none. */
    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : IngestReport.percentile(sorted, p);
    }

    private static double median(List<Map<String, Object>> samples, String key) {
        return percentile(sorted(samples.stream().map(s -> num(s.get(key))).toList()), 50);
    }
}
