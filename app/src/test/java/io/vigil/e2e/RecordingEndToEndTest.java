package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole way through, with real parts: GStreamer's RTSP server plays an H.264+AAC camera (behind a
 * password, registered in the cameras file) and an H.265 camera (registered through the API); Vigil
 * records both into its embedded S3 server through the MinIO SDK; ffprobe checks what comes back
 * through the live playlist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingEndToEndTest {

    /** Also set as VIGIL_E2E_LOBBY_PASSWORD by surefire, so the cameras file reads it from the environment. */
    static final String PASSWORD = "s3cret-Pa55";

    static final Duration RECORDING_DEADLINE = Duration.ofSeconds(90);
    static final int MIN_SEGMENTS = 5;

    private Path work;
    private CameraSimulator cameras;
    private VigilHarness vigil;
    private ApplicationContext context;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        assertEquals(PASSWORD, System.getenv("VIGIL_E2E_LOBBY_PASSWORD"), "surefire sets VIGIL_E2E_LOBBY_PASSWORD");
        work = Files.createTempDirectory("vigil-e2e");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        cameras = new CameraSimulator(
                Map.of(
                        "lobby",
                        ExternalTools.clip(clips, false),
                        "yard",
                        ExternalTools.clip(clips, true),
                        "slowgop",
                        ExternalTools.longGopClip(clips),
                        "atrium",
                        ExternalTools.bFrameClip(clips),
                        "porch",
                        ExternalTools.clip(clips, false)),
                Map.of("lobby", "admin:" + PASSWORD));
        Files.writeString(work.resolve("cameras.yml"), """
                cameras:
                  - id: lobby
                    name: Lobby entrance
                    url: %s
                    username: admin
                    password: ${VIGIL_E2E_LOBBY_PASSWORD}
                    retention-days: 30
                    engine: ffmpeg
                """.formatted(cameras.secureUrl("lobby")));

        vigil = new VigilHarness(work, Map.of());
        context = vigil.context;
        // Every camera from the start, so their footage is recorded at once rather than test after test (the long-GOP
        // camera's eight segments alone take half a minute); each test checks its cameras as before.
        for (String camera : List.of("yard", "atrium", "porch", "slowgop")) {
            String name = camera.equals("yard") ? "\"name\": \"Yard\", " : "";
            HttpResponse<String> created = send(
                    "POST",
                    "/api/cameras",
                    "{\"id\": \"" + camera + "\", " + name + "\"url\": \"" + cameras.url(camera) + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (cameras != null) {
            cameras.close();
        }
    }

    @Test
    void recordsH264WithAudioAndH265IntoPlayableHls() throws Exception {
        SegmentIndex index = context.getBean(SegmentIndex.class);
        awaitSegments(index, "lobby");
        awaitSegments(index, "yard");
        awaitSegments(index, "atrium");
        awaitSegments(index, "porch");

        checkCamera(index, "lobby", "h264", true);
        checkCamera(index, "yard", "hevc", false);
        checkCamera(index, "atrium", "h264", true);
        checkCamera(index, "porch", "h264", true);
        String lobby = send("GET", "/api/cameras/lobby", null).body();
        assertTrue(lobby.contains("\"engine\":\"ffmpeg\"") && lobby.contains("\"engine\":\"FFMPEG\""), lobby);
        assertFalse(lobby.contains("engineReason"), "recorded with the engine it is set to: " + lobby);
        assertFalse(lobby.contains("damagedFrames"), "FFmpeg counts no damaged frames: " + lobby);
        String atrium = send("GET", "/api/cameras/atrium", null).body();
        assertTrue(atrium.contains("\"engine\":\"native\"") && atrium.contains("\"engine\":\"FFMPEG\""), atrium);
        assertEquals(
                "the stream reorders frames (B-frames), which only the FFmpeg engine records",
                VigilHarness.field(atrium, "engineReason"),
                "B-frames fall back to FFmpeg: " + atrium);
        assertTrue(
                context.getBean(io.vigil.live.LiveEdges.class).find("atrium").isEmpty(),
                "a camera the FFmpeg engine records keeps no live edge to go stale");
        String atriumLive = send("GET", "/api/cameras/atrium/live.m3u8", null).body();
        assertTrue(
                atriumLive.contains("segments/") && !atriumLive.contains("#EXT-X-PART"),
                "its live playlist is the archive's: " + atriumLive);
        assertTrue(
                send("GET", "/api/cameras/porch/live.m3u8", null).body().contains("#EXT-X-PART:"),
                "a natively recorded camera's is the live edge's");
        for (String nativeCamera : List.of("yard", "porch")) {
            String camera = send("GET", "/api/cameras/" + nativeCamera, null).body();
            assertTrue(camera.contains("\"engine\":\"native\"") && camera.contains("\"engine\":\"NATIVE\""), camera);
            assertFalse(camera.contains("engineReason"), "recorded natively, no fallback: " + camera);
            assertTrue(camera.contains("\"damagedFrames\":0"), "nothing lost over loopback, and counted: " + camera);
        }

        String metrics = send("GET", "/metrics", null).body();
        assertTrue(metrics.contains("vigil_camera_state{camera=\"lobby\",state=\"RECORDING\"} 1.0"), metrics);
        assertTrue(metrics.contains("vigil_segments_written_total{camera=\"yard\"}"), metrics);
        assertTrue(metrics.contains("vigil_upload_seconds_count{camera=\"lobby\"}"), metrics);
        assertTrue(metrics.contains("vigil_spool_segments"), metrics);

        String cameraList = send("GET", "/api/cameras", null).body();
        assertTrue(cameraList.contains("\"hasPassword\":true"), cameraList);
        assertFalse(vigil.logLines.isEmpty(), "log capture works");
        vigil.assertNeverShown(PASSWORD);
    }

    @Test
    void rejectsBadCamerasWithFieldErrors() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/cameras", """
                {"id": "Bad Id", "url": "http://example.com/stream", "transport": "carrier-pigeon", "engine": "gstreamer"}""");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"error\":\"VALIDATION_FAILED\""), bad.body());
        assertTrue(
                bad.body().contains("\"id\"")
                        && bad.body().contains("\"url\"")
                        && bad.body().contains("\"transport\"")
                        && bad.body().contains("\"engine\":\"must be native or ffmpeg\""),
                bad.body());

        HttpResponse<String> duplicate = send("POST", "/api/cameras", """
                {"id": "lobby", "url": "rtsp://127.0.0.1:1/x"}""");
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertTrue(duplicate.body().contains("\"error\":\"CAMERA_EXISTS\""), duplicate.body());

        HttpResponse<String> fileManaged = send("DELETE", "/api/cameras/lobby", null);
        assertEquals(409, fileManaged.statusCode(), fileManaged.body());

        HttpResponse<String> unknown = send("GET", "/api/cameras/nope/live.m3u8", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\":\"CAMERA_NOT_FOUND\""), unknown.body());

        HttpResponse<String> noRoute = send("GET", "/api/nothing-here", null);
        assertEquals(404, noRoute.statusCode());
        assertTrue(noRoute.body().contains("\"error\":\"NOT_FOUND\""), noRoute.body());
        HttpResponse<String> notJson = send("POST", "/api/cameras", "{not json");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("\"error\":\"BAD_REQUEST\""), notJson.body());

        HttpResponse<String> withCredentials = send("POST", "/api/cameras", """
                {"id": "door", "url": "rtsp://doorman:hunter2-secret@127.0.0.1:9/door", "enabled": false}""");
        assertEquals(201, withCredentials.statusCode(), withCredentials.body());
        assertFalse(withCredentials.body().contains("hunter2-secret"), withCredentials.body());
        assertTrue(withCredentials.body().contains("\"username\":\"doorman\""), withCredentials.body());
        assertTrue(withCredentials.body().contains("\"url\":\"rtsp://127.0.0.1:9/door\""), withCredentials.body());
        assertEquals(204, send("DELETE", "/api/cameras/door", null).statusCode());
        assertEquals(404, send("GET", "/api/cameras/door", null).statusCode());
    }

    @Test
    void historyRequestsAreValidated() throws Exception {
        String base = "/api/cameras/lobby/";
        HttpResponse<String> backwards =
                send("GET", base + "playlist.m3u8?start=2026-11-22T10:17:00Z&end=2026-11-22T10:02:00Z", null);
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("\"error\":\"INVALID_RANGE\""), backwards.body());
        HttpResponse<String> tooLong =
                send("GET", base + "timeline?start=2026-01-01T00:00:00Z&end=2026-03-01T00:00:00Z", null);
        assertEquals(400, tooLong.statusCode());
        assertTrue(
                tooLong.body().contains("\"error\":\"INVALID_RANGE\"")
                        && tooLong.body().contains("maximum"),
                tooLong.body());
        HttpResponse<String> garbage = send("GET", base + "timeline?start=10:02&end=2026-11-22T10:02:00Z", null);
        assertEquals(400, garbage.statusCode());
        assertTrue(
                garbage.body().contains("\"error\":\"VALIDATION_FAILED\"")
                        && garbage.body().contains("\"start\""),
                garbage.body());
        HttpResponse<String> missing = send("GET", base + "timeline?end=2026-11-22T10:02:00Z", null);
        assertEquals(400, missing.statusCode(), missing.body());
        HttpResponse<String> unknown =
                send("GET", "/api/cameras/nobody/timeline?start=2026-11-22T10:00:00Z&end=2026-11-22T11:00:00Z", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\":\"CAMERA_NOT_FOUND\""), unknown.body());

        HttpResponse<String> empty =
                send("GET", base + "timeline?start=2001-01-01T00:00:00Z&end=2001-01-01T01:00:00Z", null);
        assertEquals(200, empty.statusCode());
        assertTrue(
                empty.body().contains("\"spans\":[]")
                        && empty.body()
                                .contains(
                                        "\"gaps\":[{\"start\":\"2001-01-01T00:00:00Z\",\"end\":\"2001-01-01T01:00:00Z\"}]"),
                empty.body());
        HttpResponse<String> emptyPlaylist =
                send("GET", base + "playlist.m3u8?start=2001-01-01T00:00:00Z&end=2001-01-01T01:00:00Z", null);
        assertEquals(200, emptyPlaylist.statusCode());
        assertTrue(emptyPlaylist.body().endsWith("#EXT-X-ENDLIST\n"), emptyPlaylist.body());

        SegmentIndex index = context.getBean(SegmentIndex.class);
        awaitSegments(index, "lobby");
        Instant from = index.newest("lobby", 1000).get(0).start();
        String event = send("GET", base + "playlist.m3u8?start=" + from, null).body();
        assertTrue(event.contains("#EXT-X-PLAYLIST-TYPE:EVENT\n") && !event.contains("#EXT-X-ENDLIST"), event);
        assertTrue(event.split("#EXTINF:", -1).length - 1 >= MIN_SEGMENTS, event);
    }

    @Test
    void clipExportIsOneMp4FileOfTheRange() throws Exception {
        SegmentIndex index = context.getBean(SegmentIndex.class);
        awaitSegments(index, "lobby");
        List<Segment> segments = index.newest("lobby", 1000);
        Instant from = segments.get(1).start().plusMillis(500);
        Instant to = segments.get(4).start().plusMillis(500);
        HttpResponse<byte[]> clip = vigil.download("/api/cameras/lobby/clip.mp4?start=" + from + "&end=" + to);
        assertEquals(200, clip.statusCode());
        assertEquals("video/mp4", clip.headers().firstValue("Content-Type").orElse(""));
        assertTrue(
                clip.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"lobby_"),
                clip.headers().map().toString());
        assertEquals("", clip.headers().firstValue("X-Vigil-Gaps").orElse("missing"));
        Path file = work.resolve("lobby-clip.mp4");
        Files.write(file, clip.body());
        String probe = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration:format_tags=comment:stream=codec_name",
                        "-of",
                        "default=nw=1",
                        file.toString()));
        assertTrue(probe.contains("codec_name=h264") && probe.contains("codec_name=aac"), probe);
        assertTrue(probe.contains("TAG:comment=Vigil clip of camera lobby"), probe);
        double duration = Double.parseDouble(probe.lines()
                .filter(l -> l.startsWith("duration="))
                .findFirst()
                .orElseThrow()
                .substring("duration=".length()));
        double asked = Duration.between(from, to).toMillis() / 1000.0;
        assertTrue(
                duration >= asked - 0.1 && duration <= asked + 2 * 2.1,
                "clip lasts " + duration + " s for " + asked + " s asked");
        String decode = ExternalTools.run(
                Duration.ofSeconds(60), List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-"));
        assertEquals("", decode.strip(), "the clip decodes cleanly");
        checkSignedManifest(clip, file, segments.subList(1, 5));

        HttpResponse<String> nothing =
                send("GET", "/api/cameras/lobby/clip.mp4?start=2001-01-01T00:00:00Z&end=2001-01-01T01:00:00Z", null);
        assertEquals(404, nothing.statusCode());
        assertTrue(nothing.body().contains("\"error\":\"NO_RECORDINGS\""), nothing.body());
        HttpResponse<String> tooLong =
                send("GET", "/api/cameras/lobby/clip.mp4?start=2026-11-20T00:00:00Z&end=2026-11-22T00:00:00Z", null);
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("\"error\":\"INVALID_RANGE\""), tooLong.body());
    }

    @Test
    void snapshotsAreJpegsOfTheCamerasResolution() throws Exception {
        SegmentIndex index = context.getBean(SegmentIndex.class);
        awaitSegments(index, "lobby");
        Segment middle = index.newest("lobby", 1000).get(2);
        // the frame's size, or scaled down to a width asked (a timeline's hover), never up
        Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put("", "640,360");
        sizes.put("?at=" + middle.start().plusMillis(1300), "640,360");
        sizes.put("?at=" + middle.start().plusMillis(1300) + "&width=160", "160,90");
        sizes.put("?width=2000", "640,360");
        for (String query : sizes.keySet()) {
            HttpResponse<byte[]> jpeg = vigil.download("/api/cameras/lobby/snapshot.jpg" + query);
            assertEquals(200, jpeg.statusCode(), query);
            assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
            Path file = work.resolve("lobby-snapshot.jpg");
            Files.write(file, jpeg.body());
            String probe = ExternalTools.run(
                    Duration.ofSeconds(30),
                    List.of(
                            "ffprobe",
                            "-v",
                            "error",
                            "-show_entries",
                            "stream=codec_name,width,height",
                            "-of",
                            "csv=p=0",
                            file.toString()));
            assertEquals("mjpeg," + sizes.get(query), probe.strip(), query);
        }
        HttpResponse<String> notAWidth = send("GET", "/api/cameras/lobby/snapshot.jpg?width=8", null);
        assertEquals(400, notAWidth.statusCode());
        assertTrue(notAWidth.body().contains("\"width\""), notAWidth.body());
        HttpResponse<String> never = send("GET", "/api/cameras/lobby/snapshot.jpg?at=2001-01-01T00:00:00Z", null);
        assertEquals(404, never.statusCode());
        assertTrue(never.body().contains("\"error\":\"NO_RECORDINGS\""), never.body());
        assertEquals(
                400,
                send("GET", "/api/cameras/lobby/snapshot.jpg?at=noon", null).statusCode());
    }

    @Test
    void openApiDescribesEveryRoute() throws Exception {
        HttpResponse<String> response = send("GET", "/openapi.yml", null);
        assertEquals(200, response.statusCode());
        Map<?, ?> paths = (Map<?, ?>) ((Map<?, ?>) new org.yaml.snakeyaml.Yaml().load(response.body())).get("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.forEach((path, item) -> ((Map<?, ?>) item)
                .keySet().stream()
                        .filter(k -> !"parameters".equals(k))
                        .forEach(method -> documented.add(method.toString().toUpperCase(Locale.ROOT) + " " + path)));
        java.util.Set<String> served = context.getBean(io.micronaut.web.router.Router.class)
                .uriRoutes()
                .map(r -> r.getHttpMethod().name() + " "
                        + r.getUriMatchTemplate().toPathString().replaceAll("\\{/[^}]*}", ""))
                .filter(r -> !r.startsWith("HEAD ") && !r.startsWith("OPTIONS "))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(served, documented, "openapi/vigil.yml and the routes differ");
    }

    @Test
    void verifyFindsATamperedSegment() throws Exception {
        SegmentIndex index = context.getBean(SegmentIndex.class);
        awaitSegments(index, "lobby");
        List<Segment> segments = index.newest("lobby", 1000);
        String range = "start=" + segments.get(0).start() + "&end="
                + segments.get(segments.size() - 1).end();
        String clean = send("GET", "/api/cameras/lobby/verify?" + range, null).body();
        assertTrue(clean.contains("\"checked\":" + segments.size()) && clean.contains("\"mismatches\":[]"), clean);

        Segment victim = segments.get(1);
        Path file = work.resolve("objects").resolve("vigil").resolve(victim.objectKey());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        String tampered =
                send("GET", "/api/cameras/lobby/verify?" + range, null).body();
        assertTrue(tampered.contains("\"sequence\":" + victim.sequence()) && tampered.contains("differs"), tampered);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        HttpResponse<String> backwards =
                send("GET", "/api/cameras/lobby/verify?start=2026-11-22T10:17:00Z&end=2026-11-22T10:02:00Z", null);
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("\"error\":\"INVALID_RANGE\""), backwards.body());
        HttpResponse<String> garbage =
                send("GET", "/api/cameras/lobby/verify?start=yesterday&end=2026-11-22T10:02:00Z", null);
        assertEquals(400, garbage.statusCode());
        assertTrue(garbage.body().contains("\"start\""), garbage.body());
    }

    @Test
    void longGopCameraIsCutAtTwiceTheTargetAndFlagged() throws Exception {
        SegmentIndex index = context.getBean(SegmentIndex.class);
        vigil.await("slowgop has 8 segments", RECORDING_DEADLINE, () -> index.count("slowgop") >= 8);
        List<Segment> all = index.newest("slowgop", 100);
        for (Segment s : all) {
            assertTrue(
                    s.durationMillis() <= 4000 + 40,
                    "segment " + s.sequence() + " lasts " + s.durationMillis() + " ms");
        }
        assertTrue(all.stream().anyMatch(s -> !s.keyframeStart()), "segments cut between keyframes are flagged");
        assertTrue(all.get(0).keyframeStart(), "a session starts on a keyframe");

        String playlist = send("GET", "/api/cameras/slowgop/live.m3u8?source=archive", null)
                .body();
        assertFalse(playlist.contains("#EXT-X-INDEPENDENT-SEGMENTS"), playlist);
        // Played from its first segment, the whole recording decodes cleanly.
        Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
        assertTrue(map.find(), playlist);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(download("/api/cameras/slowgop/" + map.group(1)));
        for (Segment s : all) {
            joined.write(download("/api/cameras/slowgop/segments/" + s.sequence() + ".m4s"));
        }
        Path file = work.resolve("slowgop.mp4");
        Files.write(file, joined.toByteArray());
        String decode = ExternalTools.run(
                Duration.ofMinutes(2),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-i",
                        file.toString(),
                        "-fps_mode",
                        "passthrough",
                        "-enc_time_base:v",
                        "1:90000",
                        "-f",
                        "null",
                        "-"));
        assertEquals("", decode.strip(), "decoder errors for the long-GOP camera");
        assertEquals(204, send("DELETE", "/api/cameras/slowgop", null).statusCode());
    }

    /** The clip's manifest is signed, lists its segments, and bin/verify-clip accepts the clip but not a changed one. */
    private void checkSignedManifest(HttpResponse<byte[]> clip, Path clipFile, List<Segment> inRange) throws Exception {
        String manifestPath = clip.headers().firstValue("X-Vigil-Manifest").orElseThrow();
        HttpResponse<byte[]> manifest = vigil.download(manifestPath);
        assertEquals(200, manifest.statusCode(), new String(manifest.body(), StandardCharsets.UTF_8));
        String json = new String(manifest.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"clipSha256\":\"" + io.vigil.kernel.Sha256.hex(clip.body()) + "\""), json);
        assertTrue(json.contains("\"clipSizeBytes\":" + clip.body().length + ","), json);
        for (Segment s : inRange) {
            assertTrue(
                    json.contains("{\"sequence\":" + s.sequence() + ",\"start\":\"" + s.start()
                            + "\",\"durationMillis\":" + s.durationMillis() + ",\"sha256\":\"" + s.sha256() + "\"}"),
                    "segment " + s.sequence() + " listed:\n" + json);
        }
        String pem = send("GET", "/api/keys/export-signing", null).body();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        Path manifestFile = work.resolve("lobby-clip.manifest.json");
        Path signatureFile = work.resolve("lobby-clip.manifest.sig");
        Path keyFile = work.resolve("export-signing.pem");
        Files.write(manifestFile, manifest.body());
        Files.writeString(
                signatureFile,
                manifest.headers().firstValue("X-Vigil-Signature").orElseThrow());
        Files.writeString(keyFile, pem);
        String verifyClip =
                CameraSimulator.repoRoot().resolve("bin/verify-clip").toString();
        String ok = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        verifyClip,
                        clipFile.toString(),
                        manifestFile.toString(),
                        signatureFile.toString(),
                        keyFile.toString()));
        assertTrue(ok.startsWith("OK: signature valid"), ok);

        byte[] changed = clip.body().clone();
        changed[changed.length / 2] ^= 1;
        Path changedClip = work.resolve("lobby-clip-changed.mp4");
        Files.write(changedClip, changed);
        assertVerifyFails(
                List.of(
                        verifyClip,
                        changedClip.toString(),
                        manifestFile.toString(),
                        signatureFile.toString(),
                        keyFile.toString()),
                "the signed manifest states");
        Path changedManifest = work.resolve("lobby-clip-changed.manifest.json");
        Files.writeString(changedManifest, json.replace("\"cameraId\":\"lobby\"", "\"cameraId\":\"lobbx\""));
        assertVerifyFails(
                List.of(
                        verifyClip,
                        clipFile.toString(),
                        changedManifest.toString(),
                        signatureFile.toString(),
                        keyFile.toString()),
                "signature does not verify");
    }

    private static void assertVerifyFails(List<String> command, String because) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "verify-clip did not finish");
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("FAIL") && out.contains(because), out);
    }

    private void checkCamera(SegmentIndex index, String camera, String codec, boolean audio) throws Exception {
        // A segment may be on its way to the store at any moment: wait for a status with none waiting in the spool.
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        vigil.await(camera + " RECORDING with an empty spool", Duration.ofSeconds(10), () -> {
            try {
                seen.set(send("GET", "/api/cameras/" + camera, null));
            } catch (IOException | InterruptedException e) {
                return false;
            }
            return seen.get().body().contains("\"state\":\"RECORDING\"")
                    && seen.get().body().contains("\"spoolBacklog\":0");
        });
        HttpResponse<String> status = seen.get();
        assertEquals("640x360", VigilHarness.field(status.body(), "resolution"), status.body());
        assertEquals(audio ? codec + "+aac" : codec, VigilHarness.field(status.body(), "codec"), status.body());
        Matcher measuredFps = Pattern.compile("\"framesPerSecond\":([0-9.]+)").matcher(status.body());
        assertTrue(measuredFps.find() && Math.abs(Double.parseDouble(measuredFps.group(1)) - 25) <= 1.5, status.body());
        Matcher kbps = Pattern.compile("\"bitrateKbps\":(\\d+)").matcher(status.body());
        assertTrue(kbps.find() && Integer.parseInt(kbps.group(1)) > 50, status.body());
        assertTrue(VigilHarness.field(status.body(), "sessionId") != null, status.body());

        List<Segment> all = index.newest(camera, 1000);
        assertTrue(all.size() >= MIN_SEGMENTS, camera + ": " + all.size() + " segments");
        List<String> objects = context.getBean(ObjectStore.class).list(camera + "/").stream()
                .map(ObjectStore.StoredObject::key)
                .toList();
        for (Segment s : all) {
            assertTrue(
                    objects.contains(s.objectKey()), "object of indexed segment " + s.objectKey() + " is in the store");
            assertTrue(s.keyframeStart(), "segment " + s.sequence() + " is flagged keyframe-started");
            assertTrue(
                    s.sha256() != null && s.sha256().matches("[0-9a-f]{64}"),
                    "segment " + s.sequence() + " has its SHA-256");
        }
        // Consecutive segments of one session are contiguous: their durations add up to the recorded span.
        Segment first = all.get(0);
        Segment last = all.get(all.size() - 1);
        long spanMillis = Duration.between(first.start(), last.end()).toMillis();
        long sumMillis = all.stream().mapToLong(Segment::durationMillis).sum();
        assertTrue(
                Math.abs(spanMillis - sumMillis) <= 4000,
                camera + ": span " + spanMillis + " ms vs sum " + sumMillis + " ms");

        String playlist = send("GET", "/api/cameras/" + camera + "/live.m3u8?source=archive", null)
                .body();
        assertTrue(playlist.startsWith("#EXTM3U\n#EXT-X-VERSION:7\n"), playlist);
        assertTrue(playlist.contains("#EXT-X-PROGRAM-DATE-TIME:"), playlist);
        Matcher map = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"").matcher(playlist);
        assertTrue(map.find(), playlist);
        int target = Integer.parseInt(find(playlist, "#EXT-X-TARGETDURATION:(\\d+)"));
        long mediaSequence = Long.parseLong(find(playlist, "#EXT-X-MEDIA-SEQUENCE:(\\d+)"));
        Matcher entries =
                Pattern.compile("#EXTINF:([0-9.]+),\n(segments/(\\d+)\\.m4s)").matcher(playlist);
        byte[] init = download("/api/cameras/" + camera + "/" + map.group(1));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(init);
        double listedSeconds = 0;
        long expectedSequence = mediaSequence;
        int listed = 0;
        while (entries.find()) {
            double extinf = Double.parseDouble(entries.group(1));
            long sequence = Long.parseLong(entries.group(3));
            assertEquals(expectedSequence++, sequence, "media sequence numbers are consecutive");
            assertTrue(Math.round(extinf) <= target, "EXTINF " + extinf + " within target " + target);
            Segment indexed = index.find(camera, sequence).orElseThrow();
            assertEquals(indexed.durationMillis() / 1000.0, extinf, 0.0005);
            listedSeconds += extinf;
            byte[] media = download("/api/cameras/" + camera + "/" + entries.group(2));
            assertEquals(indexed.sizeBytes(), media.length);
            assertFirstFrameIsKeyframe(camera, sequence, init, media);
            joined.write(media);
            listed++;
        }
        assertTrue(listed >= 4, camera + ": live playlist lists " + listed + " segments:\n" + playlist);

        Path file = work.resolve(camera + "-live.mp4");
        Files.write(file, joined.toByteArray());
        String streams = ExternalTools.run(
                Duration.ofSeconds(60),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type,codec_name",
                        "-of",
                        "csv=p=0",
                        file.toString()));
        assertTrue(
                streams.contains(codec + ",video")
                        || streams.contains("video," + codec)
                        || streams.lines().anyMatch(l -> l.contains(codec)),
                streams);
        assertEquals(audio, streams.contains("aac"), "audio recorded: " + streams);
        // Decode every frame: the concatenation of init + segments must be a clean stream. Passthrough
        // timing: the simulator's loop seam repeats one timestamp, which Vigil moves on by 1 ms.
        String decode = ExternalTools.run(
                Duration.ofMinutes(2),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-i",
                        file.toString(),
                        "-fps_mode",
                        "passthrough",
                        "-enc_time_base:v",
                        "1:90000",
                        "-f",
                        "null",
                        "-"));
        assertEquals("", decode.strip(), "decoder errors for " + camera);
        String frames = ExternalTools.run(
                Duration.ofMinutes(2),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v",
                        "-count_packets",
                        "-show_entries",
                        "stream=nb_read_packets",
                        "-of",
                        "csv=p=0",
                        file.toString()));
        double fps = Integer.parseInt(frames.strip()) / listedSeconds;
        assertEquals(25.0, fps, 1.5, "frames per listed second (durations add up to what was recorded)");
    }

    private void assertFirstFrameIsKeyframe(String camera, long sequence, byte[] init, byte[] media) throws Exception {
        Path file = work.resolve(camera + "-" + sequence + ".mp4");
        Files.write(file, concat(init, media));
        String first = ExternalTools.run(
                Duration.ofSeconds(30),
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v",
                        "-show_entries",
                        "packet=flags",
                        "-read_intervals",
                        "%+#1",
                        "-of",
                        "csv=p=0",
                        file.toString()));
        assertTrue(first.strip().startsWith("K"), camera + " segment " + sequence + " starts with flags " + first);
    }

    private void awaitSegments(SegmentIndex index, String camera) throws InterruptedException {
        vigil.await(
                camera + " has " + MIN_SEGMENTS + " segments; camera simulator:\n" + cameras.output(),
                RECORDING_DEADLINE,
                () -> index.count(camera) >= MIN_SEGMENTS);
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        return vigil.send(method, path, json);
    }

    private byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = vigil.download(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals("video/mp4", response.headers().firstValue("Content-Type").orElse(""), path);
        return response.body();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return m.group(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
