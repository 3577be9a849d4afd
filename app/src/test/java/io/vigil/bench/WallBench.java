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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's wall at 16 tiles in a real browser, sub streams against main streams in one run (issue 19): Vigil as
 * its own process ({@code engine: native}, embedded store) records 16 cameras, each a main stream (1080p25 H.264 at
 * 4 Mbit/s, or 720p25 at 2 Mbit/s) and a sub stream (640x360 at 400 kbit/s) from the real GStreamer RTSP server on
 * loopback, and Debian's headless Chromium opens the console's wall ({@link WallPage}) signed in as a viewer who sees
 * those 16 cameras: {@code #/wall}, whose tiles play the cameras' sub streams, then {@code #/wall?stream=main}, whose
 * tiles play their main streams, then (to tell the wall's Low-Latency HLS from the rest) {@code #/wall?hls=plain},
 * whose tiles play the sub streams over plain HLS. Before each window every tile must have played the stream its
 * configuration names, at that stream's height, decoding frames; then for {@code -Dbench.wall.seconds} (60):
 * Chromium's CPU (all its processes), Vigil's and the simulator's, and where Chromium's and Vigil's went by thread,
 * frames decoded and dropped per tile, bytes the browser received per tile (Resource Timing), latency; and each
 * stream's average bit rate as Vigil measures it. Reports, never fails on a figure; fails if a tile does not play what
 * its configuration names, or the simulator exits. Not part of the Test command: {@code bench/run wall}; also
 * {@code -Dbench.wall.tiles=16}, {@code -Dbench.wall.main=1080} (or 720), {@code -Dbench.wall.configs=sub,main,sub-plain},
 * {@code -Dbench.wall.warmup=180} (the most seconds the sub streams' wall plays before the first window, until Vigil's
 * JIT has settled as in the ingest bench; 0: none),
 * {@code -Dbench.wall.batch=2} (cameras added at a time).
 */
class WallBench {

    /** One configuration of the wall: its query, the stream every tile must play, and that stream's height. */
    record Config(String label, String query, String stream, int height) {}

    private static final int SUB_HEIGHT = 360;
    private static final String VIEWER = "bench-wall";
    private static final Duration PLAY_DEADLINE = Duration.ofSeconds(90);

    @Test
    void sixteenTilesOfSubStreamsAgainstMainStreams() throws Exception {
        ExternalTools.require();
        ExternalTools.requireBrowser();
        int tiles = Integer.getInteger("bench.wall.tiles", 16);
        int seconds = Integer.getInteger("bench.wall.seconds", 60);
        int warmup = Integer.getInteger("bench.wall.warmup", 180);
        int mainHeight = Integer.getInteger("bench.wall.main", 1080);
        int batch = Integer.getInteger("bench.wall.batch", 2);
        Path inputs = Path.of("target", "ingest-bench");
        Path main = mainHeight == 1080
                ? IngestInputs.camera1080p(inputs, 4)
                : IngestInputs.camera(inputs, mainHeight * 16 / 9, mainHeight, 2);
        ExternalTools.StreamClips clips = new ExternalTools.StreamClips(main, ExternalTools.subStreamClip(inputs, 50));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= tiles; i++) {
            ids.add(String.format("cam%02d", i));
        }
        Config sub = new Config("sub streams", "", "sub", SUB_HEIGHT);
        Map<String, Config> known = Map.of(
                "sub", sub,
                "main", new Config("main streams", "?stream=main", "main", mainHeight),
                "sub-plain", new Config("sub streams, plain HLS", "?hls=plain", "sub", SUB_HEIGHT));
        List<Config> configs = Stream.of(System.getProperty("bench.wall.configs", "sub,main,sub-plain")
                        .split(","))
                .map(String::trim)
                .map(known::get)
                .toList();
        String chromium = WallPage.chromiumVersion();
        Path work = Files.createTempDirectory("vigil-bench-wall");
        List<WallWindow> results = new ArrayList<>();
        String simulatorReport;
        Map<String, Long> bitrates;
        JitSettle settle = null;
        try (CameraSimulator cameras =
                        new CameraSimulator(CameraSimulator.streamPaths(ids, Set.copyOf(ids), clips), Map.of());
                ServiceProcess vigil = new ServiceProcess(
                        work,
                        CameraSimulator.freePort(),
                        List.of(
                                "-Xmx" + System.getProperty("bench.wall.heap", "1g"),
                                "-Dvigil.retention.enabled=false"))) {
            Path file = work.resolve("cameras.yml");
            Files.writeString(file, StaggeredCameras.yaml(List.of()));
            vigil.start();
            List<StaggeredCameras.Camera> entries = ids.stream()
                    .map(id -> new StaggeredCameras.Camera(id, cameras.url(id), cameras.subUrl(id), "native"))
                    .toList();
            StaggeredCameras.apply(file, entries, batch, Duration.ofMinutes(2), true, vigil, cameras);
            ConsoleViewers viewers = new ConsoleViewers(vigil.base());
            viewers.create(VIEWER, ids);
            try (WallPage page = new WallPage(work)) {
                if (warmup > 0) { // Vigil's serving code compiled before any window: the wall plays until it is
                    page.open(vigil.base(), viewers.login(VIEWER), ids.size(), sub.query());
                    awaitPlaying(page, vigil, cameras, sub, ids);
                    settle = JitSettle.await(vigil.pid(), VigilRecording.JIT_QUIET, Duration.ofSeconds(warmup));
                    System.out.println("WARM-UP " + settle.summary());
                    page.leave(vigil.base());
                }
                for (Config c : configs) {
                    WallWindow w = measure(page, vigil, cameras, viewers, c, ids, seconds);
                    System.out.println("MEASURED " + WallReport.summary(w));
                    w.tiles().forEach(t -> System.out.println("TILE " + c.label() + " " + t));
                    results.add(w);
                }
            }
            simulatorReport = cameras.report();
            bitrates = averageBitrates(vigil, ids.get(0));
        } finally {
            BenchService.deleteTree(work);
        }
        WallReport.write(results, seconds, chromium, WallPage.hlsJsVersion(), clips, bitrates, settle, simulatorReport);
    }

    /** One configuration: the wall opened until every tile plays its stream and decodes; then the window. */
    private static WallWindow measure(
            WallPage page,
            ServiceProcess vigil,
            CameraSimulator cameras,
            ConsoleViewers viewers,
            Config c,
            List<String> ids,
            int seconds)
            throws Exception {
        page.open(vigil.base(), viewers.login(VIEWER), ids.size(), c.query());
        awaitPlaying(page, vigil, cameras, c, ids);
        Set<Long> chromium = page.processes();
        WindowCpu.Meter meter = WindowCpu.start(chromium, vigil.pid(), cameras.pid());
        ThreadProfile threads = ThreadProfile.start(chromium);
        ThreadProfile vigilThreads = ThreadProfile.named(vigil.pid(), "Vigil");
        Map<String, Object> results = page.sample(seconds);
        WindowCpu cpu = meter.stop();
        List<ThreadProfile.Share> chromiumShares = threads.stop();
        List<ThreadProfile.Share> vigilShares = vigilThreads.stop();
        page.leave(vigil.base());
        cameras.exited().ifPresent(exit -> {
            throw new AssertionError(exit + ", during the window of " + c.label() + "; the figures are void");
        });
        WallWindow w = WallWindow.of(c.label(), c.query(), results, cpu, chromiumShares, vigilShares);
        for (WallWindow.Tile t :
                w.tiles()) { // a tile without a picture in the window is a figure; another stream is not
            if (!c.stream().equals(t.stream()) || !Set.of(c.height()).containsAll(t.heights())) {
                throw new AssertionError(c.label() + ": tile " + t.camera() + " played its " + t.stream()
                        + " stream at "
                        + t.heights() + " lines in the window, not the " + c.stream() + " stream at " + c.height()
                        + " lines: the figures are not this configuration's");
            }
        }
        return w;
    }

    /**
     * Polls the wall until it shows one tile per camera and each has played with a date, saying it plays the
     * configuration's stream, at that stream's height, having decoded frames (each tile once: on a starved machine a
     * tile may be between reconnects at any one poll).
     */
    private static void awaitPlaying(
            WallPage page, ServiceProcess vigil, CameraSimulator cameras, Config c, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + PLAY_DEADLINE.toNanos();
        Set<String> played = new TreeSet<>();
        Map<String, Object> status;
        while (true) {
            status = page.status();
            List<Map<String, Object>> tiles = WallWindow.maps(status.get("tiles"));
            List<String> shown =
                    tiles.stream().map(t -> String.valueOf(t.get("camera"))).toList();
            for (Map<String, Object> t : tiles) {
                if (t.get("dated") != null
                        && c.stream().equals(t.get("stream"))
                        && WallWindow.num(t.get("height")) == c.height()
                        && WallWindow.num(t.get("frames")) > 0) {
                    played.add(String.valueOf(t.get("camera")));
                }
            }
            if (shown.equals(ids) && played.containsAll(ids)) {
                return;
            }
            if (!shown.isEmpty() && !ids.containsAll(shown)) {
                throw new AssertionError(c.label() + ": the wall shows " + shown + ", not " + ids);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(c.label() + ": " + played.size() + " of " + ids.size() + " tiles played their "
                        + c.stream() + " stream at " + c.height() + " lines within " + PLAY_DEADLINE.toSeconds()
                        + " s: " + status + "\n" + cameras.exited().orElse("") + " " + cameras.report()
                        + "\nVigil's log:\n" + vigil.logTail(60));
            }
            Thread.sleep(200);
        }
    }

    /** Each stream's average bit rate as Vigil measures it: {@code AVERAGE-BANDWIDTH} of a camera's master.m3u8. */
    private static Map<String, Long> averageBitrates(ServiceProcess vigil, String camera) throws Exception {
        String master = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(vigil.base() + "/api/cameras/" + camera + "/master.m3u8"))
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Long> rates = new TreeMap<>();
        Matcher m =
                Pattern.compile("AVERAGE-BANDWIDTH=(\\d+)[^\\n]*\\n([^\\n]+)").matcher(master);
        while (m.find()) {
            rates.put(m.group(2).contains("stream=sub") ? "sub" : "main", Long.parseLong(m.group(1)));
        }
        return rates;
    }
}
