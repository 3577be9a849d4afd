package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.camera.CameraStatusBoard;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults injected into a running Vigil (1 s segments) between it and its real parts: the S3 server (a separate
 * process) behind an HTTP proxy that answers 500, 503, 507 {@code XMinioStorageFull} (the store's disk full) or 10 s
 * late; the spool's disk full (its next segment files are symlinks to {@code /dev/full}, so writes fail with the
 * kernel's ENOSPC, without root or a small filesystem); the database (an H2 server) behind a TCP link cut for 30 s;
 * the service's clock stepped by +1 h and -1 h; and a camera whose bytes turn to garbage after a good start (a TCP
 * link in front of the RTSP simulator). Each scenario records its own camera, and ends by proving with
 * {@code GET /api/archive/check} that every segment the archive took is in the index and the store:
 * {@code FAULT <scenario>: acknowledged N, stored N, lost 0} lines give the figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

    private Path work;
    private S3ServerProcess s3;
    private FaultyHttpProxy storeLink;
    private Server h2;
    private TcpProxy dbLink;
    private Path clip;
    /** One simulator per scenario, so each scenario's camera starts from a fresh server whatever the one before did to its own. */
    private CameraSimulator camera;

    private String cameraId;
    private VigilHarness vigil;
    private SegmentIndex index;
    private ArchiveWriter writer;
    private final List<String> summary = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-fault-injection");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        clip = clips.resolve("clip-h264-gop1s.mp4");
        if (!Files.exists(clip)) { // a keyframe every second, so that segments are 1 s
            ExternalTools.run(
                    Duration.ofMinutes(1),
                    List.of(
                            "ffmpeg",
                            "-v",
                            "error",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=320x180:rate=25",
                            "-t",
                            "10",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:v",
                            "libx264",
                            "-preset",
                            "veryfast",
                            "-g",
                            "25",
                            "-keyint_min",
                            "25",
                            "-bf",
                            "0",
                            "-sc_threshold",
                            "0",
                            clip.toString()));
        }
        s3 = new S3ServerProcess(work.resolve("s3"), CameraSimulator.freePort());
        storeLink = new FaultyHttpProxy(
                Integer.parseInt(s3.endpoint().substring(s3.endpoint().lastIndexOf(':') + 1)));
        h2 = Server.createTcpServer(
                        "-tcpPort",
                        Integer.toString(CameraSimulator.freePort()),
                        "-baseDir",
                        work.resolve("db").toString(),
                        "-ifNotExists")
                .start();
        dbLink = new TcpProxy("127.0.0.1", h2.getPort());
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "vigil.storage.endpoint",
                storeLink.endpoint(),
                "vigil.storage.access-key",
                S3ServerProcess.ACCESS_KEY,
                "vigil.storage.secret-key",
                S3ServerProcess.SECRET_KEY,
                "vigil.storage.bucket",
                "vigil-fault-injection",
                "datasources.default.url",
                "jdbc:h2:tcp://127.0.0.1:" + dbLink.port() + "/vigil;DB_CLOSE_ON_EXIT=FALSE",
                "datasources.default.connection-timeout",
                "2000",
                "vigil.recorder.segment-target-millis",
                1000,
                "vigil.recorder.stall-timeout",
                "4s",
                "vigil.recorder.backoff-max",
                "2s",
                "vigil.spool.retry-initial",
                "200ms"));
        settings.put("vigil.spool.retry-max", "1s");
        settings.put("vigil.test.shiftable-clock", "true");
        vigil = new VigilHarness(work, settings);
        index = vigil.context.getBean(SegmentIndex.class);
        writer = vigil.context.getBean(ArchiveWriter.class);
        await(
                "reconciliation DONE",
                Duration.ofSeconds(30),
                () -> health(true).contains("\"reconciliation\":\"DONE\""));
    }

    @AfterAll
    void stop() throws Exception {
        summary.forEach(System.out::println);
        ShiftableClock.INSTANCE.reset();
        for (AutoCloseable c : new AutoCloseable[] {vigil, camera, dbLink, h2::stop, storeLink, s3}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** A scenario that failed midway leaves neither its camera recording nor its simulator running. */
    @org.junit.jupiter.api.AfterEach
    void endScenario() throws Exception {
        storeLink.set(FaultyHttpProxy.Fault.NONE);
        dbLink.reconnect();
        ShiftableClock.INSTANCE.reset();
        if (cameraId != null) {
            vigil.send("DELETE", "/api/cameras/" + cameraId, null);
            cameraId = null;
        }
        if (camera != null) {
            camera.close();
        }
    }

    @Test
    void storeAnswering500() throws Exception {
        storeFailing("err500", FaultyHttpProxy.Fault.ERROR_500, "We encountered an internal error");
    }

    @Test
    void storeAnswering503() throws Exception {
        storeFailing("err503", FaultyHttpProxy.Fault.UNAVAILABLE_503, "Please reduce your request rate");
    }

    @Test
    void storeDiskFull() throws Exception {
        storeFailing(
                "storefull",
                FaultyHttpProxy.Fault.STORAGE_FULL_507,
                "Storage backend has reached its minimum free drive threshold");
    }

    /** Uploads fail: segments wait in the spool, the status says why, then the spool drains. */
    private void storeFailing(String camera, FaultyHttpProxy.Fault fault, String storeSays) throws Exception {
        begin(camera);
        double errorsBefore = metric("vigil_store_errors_total", camera);
        storeLink.set(fault);
        try {
            await(
                    "segments wait in the spool and the status says why",
                    Duration.ofSeconds(20),
                    () -> backlog(camera) >= 3
                            && String.valueOf(status(camera, "lastError")).startsWith("storage: "));
            String lastError = status(camera, "lastError");
            assertTrue(lastError.contains(storeSays), lastError);
            assertEquals("RECORDING", status(camera, "state"), "ingest never waits for the store");
            String health = health(true);
            // a full store still answers reads: only 500 and 503 make it unreachable
            assertTrue(
                    health.contains("\"storeReachable\":" + (fault == FaultyHttpProxy.Fault.STORAGE_FULL_507)), health);
            assertTrue(health.contains("\"status\":\"UP\"") && health.contains("\"spoolWritable\":true"), health);
            assertTrue(metric("vigil_store_errors_total", camera) > errorsBefore, "store errors counted");
        } finally {
            storeLink.set(FaultyHttpProxy.Fault.NONE);
        }
        finish(camera, "store answers " + fault);
    }

    @Test
    void storeAnsweringTenSecondsLate() throws Exception {
        begin("slow");
        storeLink.set(FaultyHttpProxy.Fault.SLOW_10S);
        try {
            await("segments pile up behind a slow store", Duration.ofSeconds(25), () -> backlog("slow") >= 6);
            assertEquals("RECORDING", status("slow", "state"), "ingest never waits for the store");
        } finally {
            storeLink.set(FaultyHttpProxy.Fault.NONE);
        }
        finish("slow", "store answers 10 s late");
        assertEquals(0.0, metric("vigil_store_errors_total", "slow"), "a slow answer is no error (timeout 30 s)");
        assertTrue(metric("vigil_upload_seconds_max", "slow") >= 10.0, "the upload timer saw the 10 s answers");
    }

    @Test
    void spoolDiskFull() throws Exception {
        begin("spoolfull");
        Path dir = work.resolve("spool").resolve("spoolfull");
        long next = writer.nextSequenceNow("spoolfull");
        List<Path> full = new ArrayList<>();
        for (long s = next; s < next + 40; s++) {
            Path tmp = dir.resolve(String.format("%019d.m4s.tmp", s));
            Files.deleteIfExists(tmp);
            full.add(Files.createSymbolicLink(tmp, Path.of("/dev/full")));
        }
        try {
            await(
                    "spool writes fail with ENOSPC",
                    Duration.ofSeconds(20),
                    () -> metric("vigil_spool_write_errors_total", "spoolfull") >= 3);
            String health = health(true);
            assertTrue(health.contains("\"spoolWritable\":false") && health.contains("\"status\":\"UP\""), health);
            assertTrue(
                    vigil.logLines.stream()
                            .anyMatch(l -> l.contains("could not be spooled") && l.contains("No space left on device")),
                    "the kernel's ENOSPC is what failed");
            assertEquals("RECORDING", status("spoolfull", "state"));
        } finally {
            for (Path p : full) {
                Files.deleteIfExists(p);
            }
        }
        finish("spoolfull", "spool disk full (ENOSPC)");
    }

    @Test
    void databaseUnreachableFor30Seconds() throws Exception {
        begin("dbcut");
        CameraStatusBoard board = vigil.context.getBean(CameraStatusBoard.class);
        long cutAt = System.nanoTime();
        dbLink.cut();
        try {
            await("/health DOWN without the database", Duration.ofSeconds(15), () -> anonymousHealthStatus() == 503);
            await(
                    "segments wait in the spool and the status says why",
                    Duration.ofSeconds(20),
                    () -> writer.backlog("dbcut") >= 5
                            && String.valueOf(board.local("dbcut").lastError()).startsWith("storage: "));
            assertEquals("RECORDING", board.local("dbcut").state().name(), "recording goes on into the spool");
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
        } finally {
            dbLink.reconnect();
        }
        await("/health UP again", Duration.ofSeconds(30), () -> anonymousHealthStatus() == 200);
        finish("dbcut", "database unreachable 30 s");
    }

    @Test
    void clockSteppedAnHourForwardAndBack() throws Exception {
        begin("clock");
        try {
            for (Duration step :
                    List.of(Duration.ofHours(1), Duration.ofHours(-1), Duration.ofHours(-1), Duration.ofHours(1))) {
                long before = index.count("clock");
                ShiftableClock.INSTANCE.shift(step);
                await(
                        "recording goes on after a " + step + " step",
                        Duration.ofSeconds(20),
                        () -> index.count("clock") >= before + 3);
                assertEquals("RECORDING", status("clock", "state"));
            }
        } finally {
            ShiftableClock.INSTANCE.reset();
        }
        List<Segment> all = index.newest("clock", 10_000);
        long biggestJump = 0;
        for (int i = 1; i < all.size(); i++) {
            biggestJump = Math.max(
                    biggestJump,
                    Math.abs(Duration.between(all.get(i - 1).end(), all.get(i).start())
                            .toMillis()));
        }
        System.out.printf(
                "MEASURED clock steps of 1 h: largest jump between consecutive segment times %d ms%n", biggestJump);
        assertEquals(0, biggestJump, "segment times follow the stream, not the stepped clock");
        assertEquals(1, all.stream().map(Segment::sessionId).distinct().count(), "one session throughout");
        assertTrue(health(true).contains("\"reconciliation\":\"DONE\""));
        finish("clock", "clock stepped +1 h, -1 h, -1 h, +1 h");
    }

    @Test
    void cameraSendingGarbageAfterAGoodStart() throws Exception {
        camera = new CameraSimulator(Map.of("garbage", clip), Map.of());
        Matcher port = Pattern.compile(":(\\d+)/").matcher(camera.url("garbage"));
        assertTrue(port.find());
        TcpProxy cameraLink = new TcpProxy("127.0.0.1", Integer.parseInt(port.group(1)));
        try {
            garbage(cameraLink);
        } finally {
            cameraLink.close();
        }
    }

    private void garbage(TcpProxy cameraLink) throws Exception {
        begin("garbage", camera.url("garbage").replaceFirst(":\\d+/", ":" + cameraLink.port() + "/"));
        double reconnectsBefore = metric("vigil_reconnects_total", "garbage");
        cameraLink.corrupt(true);
        try {
            await(
                    "the corrupt stream ends the session",
                    Duration.ofSeconds(20),
                    () -> !"RECORDING".equals(status("garbage", "state")));
            await("the status says why", Duration.ofSeconds(20), () -> status("garbage", "lastError") != null);
            System.out.println("MEASURED garbage camera: state " + status("garbage", "state") + ", lastError "
                    + status("garbage", "lastError"));
        } finally {
            cameraLink.corrupt(false);
        }
        long before = index.count("garbage");
        await(
                "recording again once the bytes are good",
                Duration.ofSeconds(30),
                () -> "RECORDING".equals(status("garbage", "state")) && index.count("garbage") >= before + 2);
        assertTrue(metric("vigil_reconnects_total", "garbage") > reconnectsBefore, "the reconnect is counted");
        String health = health(true);
        assertTrue(health.contains("\"status\":\"UP\"") && health.contains("\"storeReachable\":true"), health);
        finish("garbage", "camera sends garbage after a good start");
    }

    @Test
    void theCheckRouteRefusesBadRequests() throws Exception {
        int checksBefore = archiveChecksAudited(); // the scenarios' own checks, if they ran first
        assertEquals(
                400,
                vigil.send("GET", "/api/archive/check?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z", null)
                        .statusCode());
        for (String bad : List.of(
                "cameraId=..%2F..%2Fetc&start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z",
                "cameraId=%00&start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z",
                "cameraId=slow&start=2026-01-01T00:00:00Z",
                "cameraId=slow&start=yesterday&end=2026-01-01T01:00:00Z",
                "cameraId=slow&start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z",
                "cameraId=slow&start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:01Z")) {
            HttpResponse<String> r = vigil.send("GET", "/api/archive/check?" + bad, null);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().matches("\\{\"error\":\"(VALIDATION_FAILED|INVALID_RANGE)\".*"), r.body());
        }
        HttpResponse<String> unknown = vigil.send(
                "GET",
                "/api/archive/check?cameraId=never-was&start=2026-01-01T00:00:00Z" + "&end=2026-01-01T01:00:00Z",
                null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        String audit = vigil.send("GET", "/api/audit?action=ARCHIVE_CHECK&limit=1000", null)
                .body();
        assertTrue(
                audit.contains(
                        "\"action\":\"ARCHIVE_CHECK\",\"cameraId\":\"never-was\",\"rangeStart\":\"2026-01-01T00:00:00Z\","
                                + "\"rangeEnd\":\"2026-01-01T01:00:00Z\",\"clientAddress\":\"127.0.0.1\",\"outcome\":\"FAILED\",\"httpStatus\":404"),
                audit);
        assertTrue(
                !audit.contains("\"cameraId\":\"../") && !audit.contains("\"cameraId\":\"\\u0000"),
                "no invalid id as a camera: " + audit);
        assertEquals(8, archiveChecksAudited() - checksBefore, "every check audited, refused ones too");
        for (String role : List.of("viewer", "auditor", "installer")) {
            assertEquals(
                    201,
                    vigil.send("POST", "/api/users", """
                    {"username": "%s-fi", "password": "Pass-word-%s-1", "role": "%s"}""".formatted(role, role, role))
                            .statusCode());
            assertEquals(
                    403,
                    vigil.send(
                                    "GET",
                                    "/api/archive/check?cameraId=never-was&start=2026-01-01T00:00:00Z"
                                            + "&end=2026-01-01T01:00:00Z",
                                    null,
                                    "Basic "
                                            + java.util.Base64.getEncoder()
                                                    .encodeToString((role + "-fi:Pass-word-" + role + "-1")
                                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .statusCode(),
                    role);
        }
    }

    // ---- the scenario frame

    private void begin(String id) throws Exception {
        camera = new CameraSimulator(Map.of(id, clip), Map.of());
        begin(id, camera.url(id));
    }

    private void begin(String camera, String url) throws Exception {
        cameraId = camera;
        HttpResponse<String> r = vigil.send("POST", "/api/cameras", """
                {"id": "%s", "url": "%s"}""".formatted(camera, url));
        assertEquals(201, r.statusCode(), r.body());
        await(camera + " records", Duration.ofSeconds(30), () -> index.count(camera) >= 3);
    }

    /**
     * Stops the camera once the fault is over and its spool has drained, then proves that every segment the archive
     * numbered (acknowledged to the spool, or stored directly when the spool could not take it) is indexed and stored.
     */
    private void finish(String camera, String scenario) throws Exception {
        await(camera + ": spool drained", Duration.ofSeconds(60), () -> writer.backlog(camera) == 0);
        assertEquals(204, vigil.send("DELETE", "/api/cameras/" + camera, null).statusCode());
        vigil.context
                .getBean(io.vigil.recorder.RecorderSupervisor.class)
                .stopped(camera)
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        long acknowledged = writer.nextSequence(camera); // once every segment the recorder handed over is numbered
        await(camera + ": last segment stored", Duration.ofSeconds(30), () -> writer.backlog(camera) == 0);
        this.camera.close();
        List<Long> indexed =
                index.newest(camera, 100_000).stream().map(Segment::sequence).toList();
        Instant now = Instant.now();
        String check = vigil.send(
                        "GET",
                        "/api/archive/check?cameraId=" + camera + "&start=" + now.minus(Duration.ofMinutes(75))
                                + "&end=" + now.plus(Duration.ofMinutes(75)),
                        null)
                .body();
        long stored = Long.parseLong(number(check, "objects"));
        summary.add(String.format(
                "FAULT %-44s acknowledged %3d, stored %3d, lost %d",
                scenario + ":", acknowledged, stored, acknowledged - stored));
        assertEquals(
                LongStream.range(0, acknowledged).boxed().toList(), indexed, camera + ": every number indexed once");
        assertTrue(
                check.contains("\"rows\":" + acknowledged + ",\"objects\":" + acknowledged
                        + ",\"spooled\":0,\"unnumbered\":0," + "\"consistent\":true,\"discrepancyCount\":0"),
                check);
        assertEquals(0.0, metric("vigil_segments_lost_total", camera), camera + ": nothing counted lost");
        assertEquals(
                (double) acknowledged, metric("vigil_segments_written_total", camera), camera + ": each written once");
        assertEquals(0.0, metric("vigil_spool_dropped_total", null), "nothing dropped from the spool");
    }

    private String status(String camera, String field) {
        try {
            return VigilHarness.field(
                    vigil.send("GET", "/api/cameras/" + camera, null).body(), field);
        } catch (Exception e) {
            return null;
        }
    }

    private int backlog(String camera) {
        try {
            return Integer.parseInt(
                    number(vigil.send("GET", "/api/cameras/" + camera, null).body(), "spoolBacklog"));
        } catch (Exception e) {
            return -1;
        }
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private String health(boolean asAdmin) {
        try {
            return vigil.send("GET", "/health", null, asAdmin ? TestAdmin.basic() : null)
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    private int anonymousHealthStatus() {
        try {
            return vigil.send("GET", "/health", null, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A counter's value for the camera (or without labels when null); 0 when it was never counted. */
    private double metric(String name, String camera) {
        String text;
        try {
            text = vigil.send("GET", "/metrics", null).body();
        } catch (Exception e) {
            return Double.NaN;
        }
        Matcher m = Pattern.compile(
                        "(?m)^" + name + (camera == null ? "" : "\\{camera=\"" + camera + "\",?\\}") + " (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what
                        + (camera == null ? "" : "\n" + camera.output())
                        + (vigil == null
                                ? ""
                                : "\nlog (last 60 lines):\n"
                                        + String.join(
                                                "\n",
                                                vigil.logLines.stream()
                                                        .skip(Math.max(0, vigil.logLines.size() - 60))
                                                        .toList())));
            }
            Thread.sleep(200);
        }
    }

    private int archiveChecksAudited() throws Exception {
        String audit = vigil.send("GET", "/api/audit?action=ARCHIVE_CHECK&limit=1000", null)
                .body();
        return audit.split("\"action\":\"ARCHIVE_CHECK\"", -1).length - 1;
    }
}
