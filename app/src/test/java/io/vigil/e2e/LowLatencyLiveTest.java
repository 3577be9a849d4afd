package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The low-latency live playlist against the real RTSP simulator: the live edge's parts are listed and served, a
 * blocking reload answers with the part it waited for, a part asked for before it exists comes when it is written,
 * the parts of a segment are the segment, FFmpeg (which knows nothing of parts) plays the same playlist, and a
 * request too far ahead is refused in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LowLatencyLiveTest {

    private static final Pattern HINT =
            Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"live/(\\d+)\\.(\\d+)\\.m4s\"");
    private static final Pattern COMPLETE = Pattern.compile("#EXTINF:[0-9.]+,\nlive/(\\d+)\\.m4s");

    private Path work;
    private CameraSimulator camera;
    private VigilHarness vigil;
    private TcpProxy pierLink;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-ll-live");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        camera = new CameraSimulator(Map.of("dock", ExternalTools.clip(clips, false)), Map.of());
        vigil = new VigilHarness(work, Map.of("vigil.live.blocking-timeout", "5s"));
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\": \"dock\", \"url\": \"" + camera.url("dock") + "\"}")
                        .statusCode());
        pierLink = new TcpProxy("127.0.0.1", camera.port);
        String pier = camera.url("dock").replaceFirst(":" + camera.port + "/", ":" + pierLink.port() + "/");
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\": \"pier\", \"url\": \"" + pier + "\"}")
                        .statusCode());
        vigil.await(
                "dock's live playlist lists two complete segments (simulator: " + camera.output() + ")",
                Duration.ofSeconds(60),
                () -> COMPLETE.matcher(live("")).results().count() >= 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (camera != null) {
            camera.close();
        }
        if (pierLink != null) {
            pierLink.close();
        }
    }

    private String body(String path) {
        try {
            return vigil.send("GET", path, null).body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private String live(String query) {
        try {
            return vigil.send("GET", "/api/cameras/dock/live.m3u8" + query, null)
                    .body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> fetch(String path) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(vigil.base + "/api/cameras/dock/" + path))
                        .header("Authorization", TestAdmin.basic())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String probe(Path file, String entries) throws Exception {
        return ExternalTools.run(
                Duration.ofSeconds(30),
                List.of("ffprobe", "-v", "error", "-show_entries", entries, "-of", "default=nw=1", file.toString()));
    }

    @Test
    void theMultivariantPlaylistNamesTheAacTrackAsAacLc() {
        String master = body("/api/cameras/dock/master.m3u8");
        assertTrue(
                master.matches("(?s).*CODECS=\"avc1\\.[0-9a-f]{6},mp4a\\.40\\.2\".*"),
                "the clip's AAC-LC audio is mp4a.40.2 (audio object type 2): " + master);
    }

    @Test
    void thePlaylistOffersPartsBlockingReloadAndTheNextPart() {
        String playlist = live("");
        assertTrue(playlist.startsWith("#EXTM3U\n#EXT-X-VERSION:9\n"), playlist);
        assertTrue(playlist.contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.600\n"), playlist);
        assertTrue(playlist.contains("#EXT-X-PART-INF:PART-TARGET=0.200\n"), playlist);
        assertTrue(playlist.contains(",INDEPENDENT=YES\n"), "a segment's first part starts on a keyframe: " + playlist);
        Matcher pdt = Pattern.compile("#EXT-X-PROGRAM-DATE-TIME:(\\S+)").matcher(playlist);
        Instant newest = null;
        while (pdt.find()) {
            newest = Instant.parse(pdt.group(1));
        }
        assertTrue(
                newest != null && Duration.between(newest, Instant.now()).abs().getSeconds() < 10,
                "the newest segment was captured just now: " + newest);
        assertTrue(HINT.matcher(playlist).find(), playlist);
    }

    @Test
    void aBlockingReloadAnswersWithThePartItAskedForAndTheHintedPartComesWhenWritten() throws Exception {
        Matcher hint = HINT.matcher(live(""));
        assertTrue(hint.find());
        long sequence = Long.parseLong(hint.group(1));
        int part = Integer.parseInt(hint.group(2));
        // both asked before the part exists (most likely): each waits for it without failing
        CompletableFuture<HttpResponse<byte[]>> reload = fetch("live.m3u8?_HLS_msn=" + sequence + "&_HLS_part=" + part);
        CompletableFuture<HttpResponse<byte[]>> hinted = fetch("live/" + sequence + "." + part + ".m4s");
        HttpResponse<byte[]> playlist = reload.get();
        String text = new String(playlist.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, playlist.statusCode(), text);
        // the part asked for is listed, unless the segment ended before it: then the next segment has begun
        assertTrue(
                text.contains("URI=\"live/" + sequence + "." + part + ".m4s\"")
                        || text.contains("URI=\"live/" + (sequence + 1) + ".0.m4s\""),
                "after waiting for " + sequence + "." + part + ":\n" + text);
        HttpResponse<byte[]> bytes = hinted.get();
        if (text.contains("URI=\"live/" + sequence + "." + part + ".m4s\"")) {
            assertEquals(200, bytes.statusCode());
            assertEquals("moof", new String(bytes.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("video/mp4", bytes.headers().firstValue("Content-Type").orElse(""));
        } else {
            assertEquals(404, bytes.statusCode(), "a hinted part that never came");
        }
    }

    @Test
    void aSegmentIsItsPartsAndDecodesWithItsInitSegment() throws Exception {
        String playlist = live("");
        Matcher complete = COMPLETE.matcher(playlist);
        assertTrue(complete.find(), playlist);
        long sequence = Long.parseLong(complete.group(1));
        Matcher parts =
                Pattern.compile("URI=\"(live/" + sequence + "\\.\\d+\\.m4s)\"").matcher(playlist);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int count = 0;
        while (parts.find()) {
            joined.write(fetch(parts.group(1)).get().body());
            count++;
        }
        byte[] whole = fetch("live/" + sequence + ".m4s").get().body();
        if (count > 0) {
            assertArrayEquals(whole, joined.toByteArray(), "segment " + sequence + " is its " + count + " parts");
        }
        Matcher map =
                Pattern.compile("#EXT-X-MAP:URI=\"(live/init/\\d+\\.mp4)\"").matcher(playlist);
        assertTrue(map.find(), playlist);
        Path file = work.resolve("live-" + sequence + ".mp4");
        ByteArrayOutputStream playable = new ByteArrayOutputStream();
        playable.write(fetch(map.group(1)).get().body());
        playable.write(whole);
        Files.write(file, playable.toByteArray());
        String probe = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name",
                        "-of",
                        "default=nw=1",
                        file.toString()));
        assertTrue(probe.contains("codec_name=h264"), probe);
        String decode = ExternalTools.run(
                Duration.ofSeconds(60), List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-"));
        assertEquals("", decode.strip(), "decodes cleanly");
    }

    @Test
    void aPlayerThatKnowsNothingOfPartsPlaysTheSamePlaylist() throws Exception {
        Path out = work.resolve("ffmpeg-live.mp4");
        ExternalTools.run(
                Duration.ofSeconds(60),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-headers",
                        "Authorization: " + TestAdmin.basic() + "\r\n",
                        "-i",
                        vigil.base + "/api/cameras/dock/live.m3u8",
                        "-t",
                        "3",
                        "-c",
                        "copy",
                        out.toString()));
        String probe = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration:stream=codec_name",
                        "-of",
                        "default=nw=1",
                        out.toString()));
        assertTrue(probe.contains("codec_name=h264"), probe);
        double seconds = Double.parseDouble(probe.lines()
                .filter(l -> l.startsWith("duration="))
                .findFirst()
                .orElseThrow()
                .substring("duration=".length()));
        assertTrue(seconds >= 1.0, "FFmpeg recorded " + seconds + " s from the live playlist");
    }

    @Test
    void hundredsOfWaitingRequestsHoldNoThreadsAndAreAllAnswered() throws Exception {
        Matcher hint = HINT.matcher(live(""));
        assertTrue(hint.find());
        long next = Long.parseLong(hint.group(1)) + 1; // the segment after the one being written: about 2 s away
        int threadsBefore =
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
        // this client's own threads stay two, whatever it waits for: the count measures the server's
        java.util.concurrent.ExecutorService clientThreads = java.util.concurrent.Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
        List<CompletableFuture<HttpResponse<byte[]>>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            waiting.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(
                                    vigil.base + "/api/cameras/dock/live.m3u8?_HLS_msn=" + next + "&_HLS_part=0"))
                            .header("Authorization", TestAdmin.basic())
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        io.vigil.live.LiveEdge edge = vigil.context
                .getBean(io.vigil.live.LiveEdges.class)
                .find("dock")
                .orElseThrow();
        int peakThreads = threadsBefore;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!waiting.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < deadline) {
            peakThreads = Math.max(
                    peakThreads,
                    java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
            Thread.sleep(20); // polling the futures: the thread count is sampled while they wait
        }
        for (CompletableFuture<HttpResponse<byte[]>> w : waiting) {
            HttpResponse<byte[]> answer = w.get();
            assertEquals(200, answer.statusCode(), new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(
                    new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)
                            .contains("URI=\"live/" + next + ".0.m4s\""),
                    "every request is answered with the part it waited for");
        }
        clientThreads.shutdown();
        assertEquals(0, edge.waiting());
        assertTrue(
                peakThreads - threadsBefore < 100,
                "300 waiting requests took " + (peakThreads - threadsBefore) + " threads (" + threadsBefore
                        + " before)");
    }

    @Test
    void aViewersPlaylistPartsAndInitSegmentsAreOneAuditedViewingSession() throws Exception {
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"guard\",\"password\":\"guard-pass-4411\"," + "\"role\":\"viewer\"}")
                        .statusCode());
        String guard = TestAdmin.basic("guard", "guard-pass-4411");
        String playlist =
                vigil.send("GET", "/api/cameras/dock/live.m3u8", null, guard).body();
        Matcher uris = Pattern.compile("URI=\"(live/[^\"]+)\"").matcher(playlist);
        int fetched = 0;
        while (uris.find() && fetched < 8) {
            HttpResponse<byte[]> media = vigil.downloadAs("/api/cameras/dock/" + uris.group(1), guard);
            assertTrue(
                    media.statusCode() == 200 || media.statusCode() == 404, uris.group(1) + ": " + media.statusCode());
            fetched++;
        }
        Matcher hint = HINT.matcher(playlist);
        assertTrue(hint.find(), playlist);
        assertEquals(
                200,
                vigil.send(
                                "GET",
                                "/api/cameras/dock/live.m3u8?_HLS_msn=" + hint.group(1) + "&_HLS_part=" + hint.group(2),
                                null,
                                guard)
                        .statusCode());
        String audit = vigil.send("GET", "/api/audit?user=guard", null).body();
        assertEquals(
                1,
                Pattern.compile("\"action\":\"LIVE_VIEW\",\"cameraId\":\"dock\"")
                        .matcher(audit)
                        .results()
                        .count(),
                "one viewing session: " + audit);
    }

    @Test
    void aBlockingReloadForAPartThatDoesNotComeIsAnsweredInWordsAndTheNextAfterTheStreamResumes() throws Exception {
        vigil.await(
                "pier's live playlist has parts",
                Duration.ofSeconds(60),
                () -> HINT.matcher(pierLive("")).find());
        pierLink.freeze();
        HttpResponse<String> stalled;
        try {
            Matcher hint = HINT.matcher(pierLive(""));
            assertTrue(hint.find());
            // two segments past the one being written: at least 2 s of video that cannot arrive while frozen
            long later = Long.parseLong(hint.group(1)) + 2;
            stalled = vigil.send("GET", "/api/cameras/pier/live.m3u8?_HLS_msn=" + later + "&_HLS_part=0", null);
        } finally {
            pierLink.thaw();
        }
        assertEquals(503, stalled.statusCode(), stalled.body());
        assertTrue(stalled.body().contains("\"error\":\"LIVE_NOT_READY\""), stalled.body());
        assertTrue(stalled.body().contains("did not come within 5000 ms"), stalled.body());
        Matcher resumed = HINT.matcher(pierLive(""));
        assertTrue(resumed.find());
        HttpResponse<String> next = vigil.send(
                "GET",
                "/api/cameras/pier/live.m3u8?_HLS_msn=" + resumed.group(1) + "&_HLS_part=" + resumed.group(2),
                null);
        assertEquals(200, next.statusCode(), "the stream resumed: " + next.body());
    }

    private String pierLive(String query) {
        try {
            return vigil.send("GET", "/api/cameras/pier/live.m3u8" + query, null)
                    .body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    @Test
    void requestsTooFarAheadOrMalformedAreRefusedInWords() throws Exception {
        Matcher hint = HINT.matcher(live(""));
        assertTrue(hint.find());
        long far = Long.parseLong(hint.group(1)) + 10;
        HttpResponse<String> tooFar = vigil.send("GET", "/api/cameras/dock/live.m3u8?_HLS_msn=" + far, null);
        assertEquals(400, tooFar.statusCode(), tooFar.body());
        assertTrue(tooFar.body().contains("\"error\":\"LIVE_TOO_FAR_AHEAD\""), tooFar.body());
        HttpResponse<String> partAlone = vigil.send("GET", "/api/cameras/dock/live.m3u8?_HLS_part=1", null);
        assertEquals(400, partAlone.statusCode(), partAlone.body());
        HttpResponse<String> farPart = vigil.send("GET", "/api/cameras/dock/live/" + far + ".0.m4s", null);
        assertEquals(400, farPart.statusCode(), farPart.body());
        HttpResponse<String> nonsense = vigil.send("GET", "/api/cameras/dock/live/..%2Fx.m4s", null);
        assertTrue(nonsense.statusCode() == 404 || nonsense.statusCode() == 400, nonsense.body());
        HttpResponse<String> source = vigil.send("GET", "/api/cameras/dock/live.m3u8?source=elsewhere", null);
        assertEquals(400, source.statusCode(), source.body());
        String archive = live("?source=archive");
        assertTrue(archive.contains("#EXT-X-VERSION:7") && archive.contains("segments/"), archive);
    }
}
