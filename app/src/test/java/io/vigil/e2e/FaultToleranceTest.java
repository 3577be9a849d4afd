package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.store.ObjectStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camera and storage faults against the real parts: each camera has a GStreamer RTSP server process of
 * its own (killed, frozen with SIGSTOP, or guarded by a password), and the object store is an S3 server
 * process that is killed for a minute. Measured figures are printed as {@code MEASURED ...} lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultToleranceTest {

    static final Duration STALL = Duration.ofSeconds(6);
    static final String GOOD_PASSWORD = "Gu4rd-pass";
    static final String BAD_PASSWORD = "wrong-Guess-17";

    private Path work;
    private Path clip;
    private S3ServerProcess s3;
    private VigilHarness vigil;
    private SegmentIndex index;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-faults");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        clip = ExternalTools.clip(clips, false);
        s3 = new S3ServerProcess(work.resolve("s3"), CameraSimulator.freePort());
        vigil = new VigilHarness(
                work,
                Map.of(
                        "vigil.storage.endpoint",
                        s3.endpoint(),
                        "vigil.storage.access-key",
                        S3ServerProcess.ACCESS_KEY,
                        "vigil.storage.secret-key",
                        S3ServerProcess.SECRET_KEY,
                        "vigil.storage.bucket",
                        "vigil-faults",
                        "vigil.recorder.stall-timeout",
                        STALL.toSeconds() + "s",
                        "vigil.recorder.backoff-max",
                        "4s",
                        "vigil.spool.retry-max",
                        "2s"));
        index = vigil.context.getBean(SegmentIndex.class);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** Both engines: their own RTSP clients answer Digest. */
    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"native", "ffmpeg"})
    void wrongDigestPasswordIsUnauthorizedUntilFixedThroughTheApi(String engine) throws Exception {
        String id = "gate-" + engine;
        try (CameraSimulator camera =
                CameraSimulator.withDigest(Map.of("gate", clip), Map.of("gate", "admin:" + GOOD_PASSWORD))) {
            assertEquals(
                    201,
                    vigil.send("POST", "/api/cameras", """
                    {"id": "%s", "url": "%s", "username": "admin", "password": "%s", "engine": "%s"}""".formatted(
                                            id, camera.secureUrl("gate"), BAD_PASSWORD, engine))
                            .statusCode());
            vigil.await(
                    id + " UNAUTHORIZED", Duration.ofSeconds(20), () -> "UNAUTHORIZED".equals(vigil.stateQuietly(id)));
            String status = vigil.send("GET", "/api/cameras/" + id, null).body();
            assertTrue(VigilHarness.field(status, "lastError").contains("refused the credentials"), status);

            assertEquals(
                    200,
                    vigil.send("PUT", "/api/cameras/" + id, """
                    {"password": "%s"}""".formatted(GOOD_PASSWORD))
                            .statusCode());
            vigil.await(
                    id + " RECORDING after the password was fixed",
                    Duration.ofSeconds(20),
                    () -> "RECORDING".equals(vigil.stateQuietly(id)));
            assertEngine(id, engine);
            vigil.assertNeverShown(GOOD_PASSWORD);
            vigil.assertNeverShown(BAD_PASSWORD);
            assertEquals(204, vigil.send("DELETE", "/api/cameras/" + id, null).statusCode());
        }
    }

    /** Both engines: each has its own stall watchdog. */
    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"native", "ffmpeg"})
    void frozenCameraIsDetectedByTheWatchdogAndRecordedAgainWhenItThaws(String engine) throws Exception {
        String id = "freezer-" + engine;
        try (CameraSimulator camera = new CameraSimulator(Map.of("freezer", clip), Map.of())) {
            register(id, camera.url("freezer"), engine);
            vigil.await(id + " RECORDING", Duration.ofSeconds(30), () -> "RECORDING".equals(vigil.stateQuietly(id)));
            assertEngine(id, engine);
            camera.signal("STOP");
            long stoppedAt = System.nanoTime();
            vigil.await(
                    id + " leaves RECORDING", STALL.plusSeconds(10), () -> !"RECORDING".equals(vigil.stateQuietly(id)));
            double detectSeconds = (System.nanoTime() - stoppedAt) / 1e9;
            System.out.printf(
                    "MEASURED stall detected after %.1f s (watchdog %d s, engine %s)%n",
                    detectSeconds, STALL.toSeconds(), engine);
            assertTrue(detectSeconds <= STALL.toSeconds() + 2 + 2, "left RECORDING after " + detectSeconds + " s");
            camera.signal("CONT");
            vigil.await(
                    id + " RECORDING again", Duration.ofSeconds(30), () -> "RECORDING".equals(vigil.stateQuietly(id)));
            assertEquals(204, vigil.send("DELETE", "/api/cameras/" + id, null).statusCode());
        }
    }

    @Test
    void cameraGoneFor20SecondsIsRecordedAgainWithOneGap() throws Exception {
        CameraSimulator camera = new CameraSimulator(Map.of("door", clip), Map.of(), 0, 0, false);
        int port = camera.port;
        register("door", camera.url("door"));
        vigil.await("door has 3 segments", Duration.ofSeconds(40), () -> index.count("door") >= 3);
        camera.close();
        Instant killedAt = Instant.now();
        Thread.sleep(20_000);
        long before = index.count("door");
        camera = new CameraSimulator(Map.of("door", clip), Map.of(), port, 0, false);
        long returnedAt = System.nanoTime();
        try {
            vigil.await(
                    "door RECORDING again",
                    Duration.ofSeconds(30),
                    () -> "RECORDING".equals(vigil.stateQuietly("door")));
            System.out.printf(
                    "MEASURED camera back -> RECORDING after %.1f s (includes the reconnect backoff, capped at 4 s here)%n",
                    (System.nanoTime() - returnedAt) / 1e9);
            vigil.await("door records again", Duration.ofSeconds(30), () -> index.count("door") > before + 1);
            double resumeSeconds = (System.nanoTime() - returnedAt) / 1e9;
            System.out.printf(
                    "MEASURED camera back -> new segment stored after %.1f s (backoff cap 4 s, 2 s segments)%n",
                    resumeSeconds);
            List<Segment> segments = index.newest("door", 1000);
            Set<String> sessions = segments.stream().map(Segment::sessionId).collect(Collectors.toSet());
            assertEquals(2, sessions.size(), "two recording sessions");
            Segment lastOfFirst = null;
            Segment firstOfSecond = null;
            for (int i = 1; i < segments.size(); i++) {
                if (!segments.get(i).sessionId().equals(segments.get(i - 1).sessionId())) {
                    lastOfFirst = segments.get(i - 1);
                    firstOfSecond = segments.get(i);
                }
                assertEquals(segments.get(i - 1).sequence() + 1, segments.get(i).sequence(), "no sequence lost");
            }
            long gapMillis =
                    Duration.between(lastOfFirst.end(), firstOfSecond.start()).toMillis();
            System.out.printf("MEASURED gap in the index %d ms for an outage starting %s%n", gapMillis, killedAt);
            assertTrue(gapMillis >= 17_000 && gapMillis <= 20_000 + 4_000 + 6_000, "gap " + gapMillis + " ms");
            String range = "start=" + segments.get(0).start() + "&end="
                    + segments.get(segments.size() - 1).end();
            String playlist = vigil.send("GET", "/api/cameras/door/playlist.m3u8?" + range, null)
                    .body();
            assertTrue(
                    playlist.contains("#EXT-X-PLAYLIST-TYPE:VOD\n") && playlist.endsWith("#EXT-X-ENDLIST\n"), playlist);
            assertEquals(1, playlist.split("#EXT-X-DISCONTINUITY\n", -1).length - 1, "one discontinuity:\n" + playlist);
            // The new session may bring a new init segment (EXT-X-MAP) before its date.
            assertTrue(
                    java.util.regex.Pattern.compile(
                                    "#EXT-X-DISCONTINUITY\n(#EXT-X-MAP:[^\n]*\n)?#EXT-X-PROGRAM-DATE-TIME:"
                                            + java.util.regex.Pattern.quote(firstOfSecond
                                                    .start()
                                                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                                                    .toString()))
                            .matcher(playlist)
                            .find(),
                    "PDT after the gap:\n" + playlist);
            assertEquals(segments.size(), playlist.split("#EXTINF:", -1).length - 1, "every segment listed");
            String timeline = vigil.send("GET", "/api/cameras/door/timeline?" + range, null)
                    .body();
            assertEquals(2, timeline.split("\\{\"start\"", -1).length - 1 - 1, "two spans and one gap:\n" + timeline);
            assertTrue(
                    timeline.contains("\"gaps\":[{\"start\":\"" + lastOfFirst.end() + "\",\"end\":\""
                            + firstOfSecond.start() + "\"}]"),
                    timeline);

            // A sub-range starting inside a segment begins with that segment.
            Segment inside = segments.get(1);
            String sub = vigil.send(
                            "GET",
                            "/api/cameras/door/playlist.m3u8?start="
                                    + inside.start().plusMillis(700) + "&end="
                                    + inside.start().plusMillis(4700),
                            null)
                    .body();
            assertTrue(sub.contains("#EXT-X-MEDIA-SEQUENCE:" + inside.sequence() + "\n"), sub);
            double listed = java.util.regex.Pattern.compile("#EXTINF:([0-9.]+),")
                    .matcher(sub)
                    .results()
                    .mapToDouble(m -> Double.parseDouble(m.group(1)))
                    .sum();
            assertTrue(listed >= 4.0 && listed <= 4.0 + 2 * 2.1, "EXTINF sum " + listed + " covers the 4 s asked for");

            // The clip over the outage keeps the gap as a gap, says so, and plays.
            HttpResponse<byte[]> clip = vigil.download("/api/cameras/door/clip.mp4?" + range);
            assertEquals(200, clip.statusCode());
            String gapsHeader = clip.headers().firstValue("X-Vigil-Gaps").orElse("");
            assertTrue(gapsHeader.startsWith(lastOfFirst.end() + "/"), gapsHeader);
            Path clipFile = work.resolve("door-clip.mp4");
            Files.write(clipFile, clip.body());
            String probe = ExternalTools.run(
                    Duration.ofSeconds(30),
                    List.of(
                            "ffprobe",
                            "-v",
                            "error",
                            "-show_entries",
                            "format=duration",
                            "-of",
                            "default=nw=1:nk=1",
                            clipFile.toString()));
            double wholeRange = Duration.between(
                                    segments.get(0).start(),
                                    segments.get(segments.size() - 1).end())
                            .toMillis()
                    / 1000.0;
            assertEquals(wholeRange, Double.parseDouble(probe.strip()), 2.1, "clip spans the recording and the gap");
            String decode = ExternalTools.run(
                    Duration.ofSeconds(60),
                    List.of("ffmpeg", "-v", "error", "-i", clipFile.toString(), "-f", "null", "-"));
            assertEquals("", decode.strip(), "the clip across two sessions decodes cleanly");

            // Deleting the camera stops recording; its footage stays reachable until retention removes it.
            assertEquals(204, vigil.send("DELETE", "/api/cameras/door", null).statusCode());
            assertEquals(404, vigil.send("GET", "/api/cameras/door", null).statusCode());
            HttpResponse<String> kept = vigil.send("GET", "/api/cameras/door/timeline?" + range, null);
            assertEquals(timeline, kept.body(), "the deleted camera's timeline is unchanged");
            assertEquals(
                    200,
                    vigil.send("GET", "/api/cameras/door/playlist.m3u8?" + range, null)
                            .statusCode());
            assertEquals(
                    200, vigil.download("/api/cameras/door/clip.mp4?" + range).statusCode());
            assertTrue(vigil.send("GET", "/api/cameras/door/verify?" + range, null)
                    .body()
                    .contains("\"mismatches\":[]"));
            HttpResponse<String> unknown = vigil.send("GET", "/api/cameras/never-was/timeline?" + range, null);
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("\"error\":\"CAMERA_NOT_FOUND\""), unknown.body());
        } finally {
            camera.close();
        }
    }

    @Test
    void segmentsRecordedWhileTheStoreIsDownAreStoredWhenItReturns() throws Exception {
        try (CameraSimulator camera = new CameraSimulator(Map.of("vault", clip), Map.of())) {
            register("vault", camera.url("vault"));
            vigil.await("vault has 2 segments", Duration.ofSeconds(40), () -> index.count("vault") >= 2);
            SegmentSpool spool = vigil.context.getBean(SegmentSpool.class);
            long firstSequence = index.newest("vault", 1000).get(0).sequence();

            s3.kill();
            Instant outageStart = Instant.now();
            vigil.await(
                    "segments pile up in the spool",
                    Duration.ofSeconds(20),
                    () -> spool.pending("vault").size() >= 3);
            String playlist = vigil.send("GET", "/api/cameras/vault/live.m3u8?source=archive", null)
                    .body();
            long newest = index.count("vault") + spool.pending("vault").size() - 1 + firstSequence;
            assertTrue(
                    playlist.contains("segments/" + newest + ".m4s"),
                    "live playlist lists spooled segments:\n" + playlist);
            HttpResponse<byte[]> fromSpool = vigil.download("/api/cameras/vault/segments/" + newest + ".m4s");
            assertEquals(200, fromSpool.statusCode(), "a spooled segment is served while the store is down");
            vigil.await(
                    "status shows the storage trouble",
                    Duration.ofSeconds(10),
                    () -> String.valueOf(VigilHarness.field(sendQuietly("/api/cameras/vault"), "lastError"))
                            .contains("storage"));
            Thread.sleep(Math.max(
                    0, 60_000 - Duration.between(outageStart, Instant.now()).toMillis()));

            int backlog = spool.pending("vault").size();
            s3.start();
            long back = System.nanoTime();
            vigil.await(
                    "spool drains",
                    Duration.ofSeconds(60),
                    () -> spool.pending("vault").isEmpty());
            double drainSeconds = (System.nanoTime() - back) / 1e9;
            System.out.printf(
                    "MEASURED spool drained %d segments in %.1f s after the store returned (%.1f segments/s, incl. retry delay)%n",
                    backlog, drainSeconds, backlog / drainSeconds);
            assertTrue(backlog >= 25, "a minute of 2 s segments was spooled: " + backlog);

            List<Segment> all = index.newest("vault", 10_000);
            for (int i = 1; i < all.size(); i++) {
                assertEquals(all.get(i - 1).sequence() + 1, all.get(i).sequence(), "no segment missing from the index");
            }
            Set<String> keys = vigil.context.getBean(ObjectStore.class).list("vault/").stream()
                    .map(ObjectStore.StoredObject::key)
                    .collect(Collectors.toSet());
            for (Segment s : all) {
                assertTrue(keys.contains(s.objectKey()), "object of " + s.sequence() + " in the store");
            }
            long inOutage = all.stream()
                    .filter(s -> !s.start().isBefore(outageStart) && s.start().isBefore(outageStart.plusSeconds(60)))
                    .count();
            assertTrue(Math.abs(inOutage - 30) <= 2, inOutage + " segments in the minute the store was down");
        }
        assertEquals(204, vigil.send("DELETE", "/api/cameras/vault", null).statusCode());
    }

    @Test
    void healthIsDownOnlyWhenNeitherStoreNorSpoolTakesSegments() throws Exception {
        try (CameraSimulator camera = new CameraSimulator(Map.of("sink", clip), Map.of())) {
            register("sink", camera.url("sink"));
            vigil.await("sink has 2 segments", Duration.ofSeconds(40), () -> index.count("sink") >= 2);
            assertEquals(200, vigil.send("GET", "/health", null).statusCode());

            s3.kill();
            vigil.await("health reports the store unreachable, still UP", Duration.ofSeconds(20), () -> {
                String health = sendQuietly("/health");
                return health.contains("\"storeReachable\":false") && health.contains("\"status\":\"UP\"");
            });
            // Take the spool away too: its camera directory becomes a plain file.
            Path spoolDir = work.resolve("spool").resolve("sink");
            moveAside(spoolDir);
            Files.writeString(spoolDir, "not a directory");
            vigil.await("health DOWN", Duration.ofSeconds(20), () -> healthStatus() == 503);
            vigil.await(
                    "the loss is logged",
                    Duration.ofSeconds(10),
                    () -> vigil.logLines.stream().anyMatch(l -> l.contains("sink") && l.contains("LOST")));

            Files.delete(spoolDir);
            s3.start();
            vigil.await("health UP again", Duration.ofSeconds(30), () -> healthStatus() == 200);
            String metrics = vigil.send("GET", "/metrics", null).body();
            assertTrue(metrics.contains("vigil_store_errors_total{camera=\"sink\"}"), metrics);
            assertTrue(metrics.contains("vigil_segments_lost_total{camera=\"sink\"}"), metrics);
            assertTrue(metrics.contains("vigil_segments_written_total{camera=\"sink\"}"), metrics);
        }
        assertEquals(204, vigil.send("DELETE", "/api/cameras/sink", null).statusCode());
    }

    private int healthStatus() {
        try {
            return vigil.send("GET", "/health", null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void moveAside(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            Files.move(dir, dir.resolveSibling(dir.getFileName() + ".aside"));
        }
    }

    @Test
    void unsupportedCodecsAreReportedAndOtherAudioIsDropped() throws Exception {
        Path clips = clip.getParent();
        Path mjpeg = ExternalTools.encodeOnce(
                clips.resolve("clip-mjpeg.mp4"),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x240:rate=10",
                        "-t",
                        "4",
                        "-c:v",
                        "mjpeg",
                        "-q:v",
                        "5"));
        Path opus = ExternalTools.encodeOnce(
                clips.resolve("clip-h264-opus.mp4"),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x240:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        "6",
                        "-c:v",
                        "libx264",
                        "-g",
                        "50",
                        "-bf",
                        "0",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "libopus"));
        try (CameraSimulator camera = new CameraSimulator(Map.of("oldcam", mjpeg, "talker", opus), Map.of())) {
            register("oldcam", camera.url("oldcam"));
            register("talker", camera.url("talker"));
            vigil.await("oldcam ERROR", Duration.ofSeconds(30), () -> "ERROR".equals(vigil.stateQuietly("oldcam")));
            String old = vigil.send("GET", "/api/cameras/oldcam", null).body();
            assertTrue(VigilHarness.field(old, "lastError").contains("unsupported video codec mjpeg"), old);

            vigil.await(
                    "talker RECORDING", Duration.ofSeconds(30), () -> "RECORDING".equals(vigil.stateQuietly("talker")));
            assertEquals(
                    "h264",
                    VigilHarness.field(
                            vigil.send("GET", "/api/cameras/talker", null).body(), "codec"));
            assertTrue(
                    vigil.logLines.stream()
                            .anyMatch(l -> l.contains("talker") && l.contains("audio codec opus is not recorded")),
                    "one warning about the dropped audio");
        }
        assertEquals(204, vigil.send("DELETE", "/api/cameras/oldcam", null).statusCode());
        assertEquals(204, vigil.send("DELETE", "/api/cameras/talker", null).statusCode());
    }

    private void register(String id, String url) throws Exception {
        register(id, url, "native");
    }

    private void register(String id, String url, String engine) throws Exception {
        HttpResponse<String> r = vigil.send("POST", "/api/cameras", """
                {"id": "%s", "url": "%s", "engine": "%s"}""".formatted(id, url, engine));
        assertEquals(201, r.statusCode(), r.body());
    }

    /** The camera is recorded by the engine it is set to, no fallback. */
    private void assertEngine(String id, String engine) throws Exception {
        String camera = vigil.send("GET", "/api/cameras/" + id, null).body();
        assertTrue(camera.contains("\"engine\":\"" + engine.toUpperCase(java.util.Locale.ROOT) + "\""), camera);
        assertFalse(camera.contains("engineReason"), camera);
    }

    private String sendQuietly(String path) {
        try {
            return vigil.send("GET", path, null).body();
        } catch (Exception e) {
            return "";
        }
    }
}
