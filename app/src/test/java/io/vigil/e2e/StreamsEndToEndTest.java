package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/**
 * A camera's main and sub streams against the real RTSP simulator (main 1280x720, sub 640x360 at another path of the
 * same camera): both record on their own, each route plays the stream {@code stream=} names (checked by the picture's
 * size in ffprobe, not by what the API says), the sub stream's playlists carry {@code stream=sub} onto their URIs, and
 * a camera without a sub stream refuses nothing it did before; each stream is kept by its own quota.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsEndToEndTest {

    private static final Pattern COMPLETE = Pattern.compile("#EXTINF:[0-9.]+,\nlive/(\\d+)\\.m4s(\\?stream=sub)?");

    private final Instant started = Instant.now();
    private Path work;
    private CameraSimulator camera;
    private VigilHarness vigil;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-streams");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        ExternalTools.StreamClips streams = ExternalTools.cameraStreams(clips, 720, 25);
        camera = new CameraSimulator(
                CameraSimulator.streamPaths(List.of("yard", "gate"), Set.of("yard"), streams), Map.of());
        vigil = new VigilHarness(work, Map.of("vigil.retention.recent-protection", "3s"));
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\": \"yard\", \"url\": \"" + camera.url("yard") + "\", \"retentionDays\": 14,"
                                        + " \"streams\": {\"sub\": {\"url\": \"" + camera.subUrl("yard")
                                        + "\", \"retentionDays\": 90}}}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\": \"gate\", \"url\": \"" + camera.url("gate") + "\"}")
                        .statusCode());
        for (String stream : List.of("main", "sub")) {
            vigil.await(
                    "yard's " + stream + " live playlist lists two complete segments (simulator: " + camera.output()
                            + ")",
                    Duration.ofSeconds(60),
                    () -> COMPLETE.matcher(body("/api/cameras/yard/live.m3u8?stream=" + stream))
                                    .results()
                                    .count()
                            >= 2);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (camera != null) {
            camera.close();
        }
    }

    private String body(String path) {
        try {
            return vigil.send("GET", path, null).body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private Path save(String path, String name) throws Exception {
        HttpResponse<byte[]> response = vigil.download(path);
        assertEquals(200, response.statusCode(), path + ": " + new String(response.body()));
        Path file = work.resolve(name);
        Files.write(file, response.body());
        return file;
    }

    private static String size(Path file) throws Exception {
        return ExternalTools.run(
                        Duration.ofSeconds(30),
                        List.of(
                                "ffprobe",
                                "-v",
                                "error",
                                "-select_streams",
                                "v:0",
                                "-show_entries",
                                "stream=width,height",
                                "-of",
                                "csv=p=0",
                                file.toString()))
                .trim();
    }

    @Test
    void theCameraShowsEachStreamWithItsOwnUrlRetentionAndStatus() {
        String yard = body("/api/cameras/yard");
        assertTrue(yard.contains("\"sub\":{\"url\":\"" + camera.subUrl("yard") + "\",\"retentionDays\":90"), yard);
        assertTrue(yard.contains("\"main\":{\"url\":\"" + camera.url("yard") + "\",\"retentionDays\":14"), yard);
        assertTrue(yard.matches("(?s).*\"sub\":\\{[^}]*\"status\":\\{\"state\":\"RECORDING\".*"), yard);
        assertTrue(yard.contains("\"resolution\":\"640x360\""), "the sub stream's own session: " + yard);
        assertTrue(yard.contains("\"resolution\":\"1280x720\""), yard);
        String gate = body("/api/cameras/gate");
        assertTrue(gate.contains("\"streams\":{\"main\":{"), gate);
        assertTrue(!gate.contains("\"sub\""), "no sub stream given, none shown: " + gate);
    }

    @Test
    void theLiveEdgeOfEachStreamIsItsOwnAndItsUrisCarryTheStream() throws Exception {
        String sub = body("/api/cameras/yard/live.m3u8?stream=sub");
        Matcher init = Pattern.compile("#EXT-X-MAP:URI=\"(live/init/\\d+\\.mp4\\?stream=sub)\"")
                .matcher(sub);
        assertTrue(init.find(), sub);
        Matcher segment = COMPLETE.matcher(sub);
        assertTrue(segment.find() && segment.group(2) != null, "every URI of the sub stream names it: " + sub);
        Path file = work.resolve("live-sub.mp4");
        Files.write(file, vigil.download("/api/cameras/yard/" + init.group(1)).body());
        Files.write(
                file,
                vigil.download("/api/cameras/yard/live/" + segment.group(1) + ".m4s?stream=sub")
                        .body(),
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals("640,360", size(file));
        String main = body("/api/cameras/yard/live.m3u8");
        assertTrue(!main.contains("stream=sub"), main);
    }

    @Test
    void rangedPlaylistsClipsSnapshotsAndTimelinesPlayTheStreamAsked() throws Exception {
        Instant end = Instant.now().minusSeconds(1);
        Instant start = end.minusSeconds(6);
        String range = "start=" + start + "&end=" + end;
        for (String stream : List.of("main", "sub")) {
            String expected = stream.equals("sub") ? "640,360" : "1280,720";
            String timeline = body("/api/cameras/yard/timeline?" + range + "&stream=" + stream);
            assertTrue(timeline.contains("\"spans\":[{"), stream + ": " + timeline);
            assertEquals(
                    expected, size(save("/api/cameras/yard/clip.mp4?" + range + "&stream=" + stream, stream + ".mp4")));
            assertEquals(
                    expected,
                    size(save("/api/cameras/yard/snapshot.jpg?stream=" + stream, stream + ".jpg")),
                    "the newest frame of the " + stream + " stream");
            String check = body("/api/archive/check?cameraId=yard&" + range + "&stream=" + stream);
            assertTrue(
                    check.contains("\"consistent\":true") && !check.contains("\"rows\":0"),
                    "the archive check reads the " + stream + " stream's rows and objects: " + check);
            String manifest = body("/api/cameras/yard/clip.manifest?" + range + "&stream=" + stream);
            assertTrue(
                    manifest.contains(
                            stream.equals("sub")
                                    ? "\"cameraId\":\"yard\",\n\"stream\":\"sub\",\n"
                                    : "\"cameraId\":\"yard\",\n\"start\""),
                    "the signed manifest names the camera and, for the sub stream's clip, the stream: " + manifest);
            String playlist = body("/api/cameras/yard/playlist.m3u8?" + range + "&stream=" + stream);
            Matcher media = Pattern.compile("\n(segments/\\d+\\.m4s[^\n]*)").matcher(playlist);
            Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
            assertTrue(media.find() && map.find(), playlist);
            assertEquals(stream.equals("sub"), media.group(1).endsWith("?stream=sub"), playlist);
            Path file = save("/api/cameras/yard/" + map.group(1), stream + "-init.mp4");
            Files.write(
                    file,
                    vigil.download("/api/cameras/yard/" + media.group(1)).body(),
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(expected, size(file), "the segment the " + stream + " playlist lists");
        }
    }

    @Test
    void theMasterPlaylistListsBothStreamsMeasuredAndFfprobeReadsEachVariant() throws Exception {
        String live = body("/api/cameras/yard/master.m3u8");
        Matcher inf = Pattern.compile(
                        "#EXT-X-STREAM-INF:BANDWIDTH=(\\d+),AVERAGE-BANDWIDTH=(\\d+),CODECS=\"avc1\\.[0-9a-f]{6}\""
                                + ",RESOLUTION=(\\d+x\\d+)(?:,FRAME-RATE=[0-9.]+)?\n(\\S+)\n")
                .matcher(live);
        assertTrue(inf.find(), live);
        long mainBits = Long.parseLong(inf.group(2));
        assertEquals("1280x720", inf.group(3), live);
        assertEquals("live.m3u8", inf.group(4), live);
        assertTrue(inf.find(), live);
        long subBits = Long.parseLong(inf.group(2));
        assertEquals("640x360", inf.group(3), live);
        assertEquals("live.m3u8?stream=sub", inf.group(4), live);
        // the simulator's clips: main at 1 Mbit/s, sub at 400 kbit/s, measured from the stored segments' sizes
        assertTrue(mainBits > 700_000 && mainBits < 1_400_000, "main's average: " + mainBits);
        assertTrue(subBits > 250_000 && subBits < 600_000, "sub's average: " + subBits);
        assertTrue(live.startsWith("#EXTM3U\n#EXT-X-VERSION:9\n"), "its variants are low-latency: " + live);

        Instant end = Instant.now().minusSeconds(1);
        String ranged = "/api/cameras/yard/master.m3u8?start=" + end.minusSeconds(6) + "&end=" + end;
        String master = body(ranged);
        assertTrue(
                master.contains("\nplaylist.m3u8?start=" + end.minusSeconds(6) + "&end=" + end + "&stream=sub\n"),
                master);
        String probed = ExternalTools.run(
                Duration.ofSeconds(60),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-headers",
                        "Authorization: " + TestAdmin.basic() + "\r\n",
                        "-show_entries",
                        "stream=width,height",
                        "-of",
                        "csv=p=0",
                        vigil.base + ranged));
        assertTrue(probed.contains("1280,720") && probed.contains("640,360"), "ffprobe read both variants: " + probed);
    }

    /** Start of the stream's oldest recorded span. */
    private Instant oldest(String stream) {
        String timeline = body("/api/cameras/yard/timeline?start=" + started.minusSeconds(60) + "&end="
                + Instant.now().plusSeconds(1) + "&stream=" + stream);
        Matcher first =
                Pattern.compile("\"spans\":\\[\\{\"start\":\"([^\"]+)\"").matcher(timeline);
        assertTrue(first.find(), timeline);
        return Instant.parse(first.group(1));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it deletes the main stream's oldest footage
    void eachStreamIsKeptByItsOwnQuota() throws Exception {
        vigil.await(
                "12 s of both streams recorded",
                Duration.ofSeconds(60),
                () -> Duration.between(oldest("main"), Instant.now()).getSeconds() >= 12
                        && Duration.between(oldest("sub"), Instant.now()).getSeconds() >= 12);
        Instant mainBefore = oldest("main");
        Instant subBefore = oldest("sub");
        // about 6 s of the main stream's 1 Mbit/s; the sub stream keeps having no quota
        assertEquals(
                200,
                vigil.send("PUT", "/api/cameras/yard", "{\"maxBytes\": 750000}").statusCode());
        HttpResponse<String> run = vigil.send("POST", "/api/retention/runs", null);
        assertEquals(201, run.statusCode(), run.body());
        assertTrue(run.body().contains("\"outcome\":\"COMPLETED\""), run.body());
        Instant mainAfter = oldest("main");
        assertTrue(
                Duration.between(mainBefore, mainAfter).getSeconds() >= 4,
                "the main stream's quota deleted its oldest: " + mainBefore + " -> " + mainAfter + ", " + run.body());
        assertEquals(subBefore, oldest("sub"), "the sub stream keeps all it had: " + run.body());
        assertTrue(
                body("/api/cameras/yard")
                        .contains("\"sub\":{\"url\":\"" + camera.subUrl("yard") + "\",\"retentionDays\":90,\"status\""),
                "the sub stream has no quota: " + body("/api/cameras/yard"));
    }

    @Test
    void theDashManifestsOfferBothStreamsAndFfmpegsDashClientReadsEach() throws Exception {
        Instant end = Instant.now().minusSeconds(1);
        String ranged = "/api/cameras/yard/manifest.mpd?start=" + end.minusSeconds(6) + "&end=" + end;
        String mpd = body(ranged);
        assertTrue(mpd.contains("<Representation id=\"main\""), mpd);
        Matcher sub = Pattern.compile(
                        "<Representation id=\"sub\"[^>]*>\\s*<SegmentTemplate [^>]*media=\"segments/\\$Number\\$\\.m4s\\?stream=sub\"")
                .matcher(mpd);
        assertTrue(sub.find(), "the sub stream's segments are named with it: " + mpd);
        String probed = ExternalTools.run(
                Duration.ofSeconds(60),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-f",
                        "dash",
                        "-headers",
                        "Authorization: " + TestAdmin.basic() + "\r\n",
                        "-show_entries",
                        "stream=width,height",
                        "-of",
                        "csv=p=0",
                        vigil.base + ranged));
        assertTrue(probed.contains("1280,720") && probed.contains("640,360"), "FFmpeg read both: " + probed);
        String live = body("/api/cameras/yard/live.mpd");
        assertTrue(
                live.contains("type=\"dynamic\"")
                        && live.contains("<Representation id=\"main\"")
                        && live.contains("<Representation id=\"sub\""),
                live);
    }

    @Test
    void anUnknownStreamIsRefusedInWords() throws Exception {
        HttpResponse<String> refused = vigil.send("GET", "/api/cameras/yard/live.m3u8?stream=third", null);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("stream: must be main or sub"), refused.body());
        HttpResponse<String> badBody = vigil.send(
                "PUT", "/api/cameras/gate", "{\"streams\": {\"sub\": {\"url\": \"rtsp://192.0.2.99/sub\"}}}");
        assertEquals(400, badBody.statusCode());
        assertTrue(badBody.body().contains("\"streams.sub.url\""), badBody.body());
    }
}
