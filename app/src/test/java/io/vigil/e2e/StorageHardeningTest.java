package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.playback.clip.ClipBuffers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The archive as an attacker on the site network or a local user on the server would try it (issue 15): hostile
 * camera ids on every camera route, a planted {@code <32 hex>.mp4} outside the spool that must never be served;
 * presigned delivery's audit rows and URL lifetimes; {@code Cache-Control} of every footage answer; aborted clip
 * downloads (no {@code onNext before request?}, every buffer released). The embedded store's credentials and the
 * owner-only data files are checked on a service of their own, started twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageHardeningTest {

    private static final String PW = "hardening-pass-42";
    private static final String VIEWER = TestAdmin.basic("vera", PW);
    private static final String AUDITOR = TestAdmin.basic("aldo", PW);
    /** Short, so the test can watch live segments age out of the live playlist's presigned URLs. */
    private static final Duration LIVE_AGE = Duration.ofSeconds(20);

    private static final String PLANTED_NAME = "0123456789abcdef0123456789abcdef.mp4";
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private Path work;
    private CameraSimulator cameras;
    private VigilHarness vigil;
    private SegmentIndex index;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-hardening");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        cameras = new CameraSimulator(
                Map.of("porch", ExternalTools.clip(clips, false), "gate", ExternalTools.clip(clips, false)), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work,
                Map.of(
                        "vigil.playback.delivery",
                        "presigned",
                        "vigil.security.live-segment-age",
                        LIVE_AGE.toSeconds() + "s",
                        "vigil.security.live-view-gap",
                        "10m"));
        for (String camera : List.of("porch", "gate")) {
            assertEquals(
                    201,
                    vigil.send(
                                    "POST",
                                    "/api/cameras",
                                    "{\"id\":\"" + camera + "\",\"url\":\"" + cameras.url(camera) + "\"}")
                            .statusCode());
        }
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"vera\",\"password\":\"" + PW + "\",\"role\":\"viewer\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"aldo\",\"password\":\"" + PW + "\",\"role\":\"auditor\"}")
                        .statusCode());
        index = vigil.context.getBean(SegmentIndex.class);
        // A file any traversal through the camera id would reach: outside the spool, named like an init segment.
        Path planted = work.resolve("planted/init/" + PLANTED_NAME);
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "PLANTED-NOT-FOOTAGE");
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.assertNeverShown(PW);
            vigil.close();
        }
        if (cameras != null) {
            cameras.close();
        }
    }

    private List<Segment> awaitSegments(String camera, int count) throws InterruptedException {
        vigil.await(
                camera + " has " + count + " stored segments; camera simulator:\n" + cameras.output(),
                Duration.ofSeconds(90),
                () -> index.count(camera) >= count);
        return index.newest(camera, 1000);
    }

    // ---- item: the embedded store's credentials, owner-only data ----------------------------------------------

    @Test
    void theEmbeddedStoreAcceptsOnlyThisInstallationsRandomCredentialsAndTheDataIsOwnerOnly() throws Exception {
        Path data = Files.createTempDirectory("vigil-store-credentials");
        Files.writeString(data.resolve("cameras.yml"), "cameras: []\n");
        Path credentials = data.resolve("embedded-store.credentials");
        String endpoint = "http://127.0.0.1:" + freePort();
        // A process of its own: one JVM runs one retention scheduler, and this class's service runs already.
        List<String> options =
                List.of("-Dvigil.storage.embedded-port=" + endpoint.substring(endpoint.lastIndexOf(':') + 1));
        String first;
        try (ServiceProcess service = new ServiceProcess(data, freePort(), options)) {
            service.start();
            assertTrue(Files.exists(credentials), "made on first start beside the objects");
            assertEquals(io.vigil.kernel.OwnerOnlyFile.OWNER_ONLY, Files.getPosixFilePermissions(credentials));
            first = Files.readString(credentials);
            String accessKey = value(first, "access-key");
            String secretKey = value(first, "secret-key");
            assertTrue(
                    accessKey.matches("[A-Z0-9]{20}") && secretKey.matches("[A-Za-z0-9]{40}"),
                    "random, not the old fixed pair");

            MinioClient oldPair = MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials("vigil", "vigil-embedded-secret")
                    .build();
            assertDenied(() -> oldPair.bucketExists(
                    BucketExistsArgs.builder().bucket("vigil").build()));
            assertDenied(() -> oldPair.listObjects(ListObjectsArgs.builder()
                            .bucket("vigil")
                            .recursive(true)
                            .build())
                    .iterator()
                    .next()
                    .get());
            assertDenied(() ->
                    oldPair.putObject(PutObjectArgs.builder().bucket("vigil").object("porch/planted.m4s").stream(
                                    new ByteArrayInputStream(new byte[] {1}), 1, -1)
                            .build()));
            assertDenied(() -> oldPair.removeObject(
                    RemoveObjectArgs.builder().bucket("vigil").object("probe/x").build()));

            MinioClient rightPair = MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials(accessKey, secretKey)
                    .build();
            assertWorks(rightPair);

            for (String dir : List.of("db", "spool", "objects")) {
                assertEquals(Set.of(), groupOrOther(data.resolve(dir)), dir + " is owner-only");
            }
            assertEquals(Set.of(), groupOrOther(data.resolve("db/vigil.mv.db")), "the database file is owner-only");
            service.stop();
        }
        try (ServiceProcess restarted = new ServiceProcess(data, freePort(), options)) {
            restarted.start();
            assertEquals(first, Files.readString(credentials), "kept across restarts");
            assertWorks(MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials(value(first, "access-key"), value(first, "secret-key"))
                    .build());
            assertDenied(() -> MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials("vigil", "vigil-embedded-secret")
                    .build()
                    .bucketExists(BucketExistsArgs.builder().bucket("vigil").build()));
            assertEquals(Set.of(), groupOrOther(data.resolve("db/vigil.mv.db")));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String value(String credentialsFile, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(credentialsFile);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private static Set<PosixFilePermission> groupOrOther(Path path) throws java.io.IOException {
        Set<PosixFilePermission> granted = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        granted.retainAll(GROUP_OR_OTHER);
        return granted;
    }

    private static void assertDenied(Executable call) {
        ErrorResponseException e = assertThrows(ErrorResponseException.class, call);
        assertTrue(
                Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch")
                        .contains(e.errorResponse().code()),
                e.errorResponse().code());
    }

    /** Writes, lists, reads and deletes one object. */
    private static void assertWorks(MinioClient client) throws Exception {
        assertTrue(
                client.bucketExists(BucketExistsArgs.builder().bucket("vigil").build()));
        client.putObject(PutObjectArgs.builder().bucket("vigil").object("probe/x").stream(
                        new ByteArrayInputStream(new byte[] {7, 8}), 2, -1)
                .build());
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : client.listObjects(
                ListObjectsArgs.builder().bucket("vigil").prefix("probe/").build())) {
            keys.add(item.get().objectName());
        }
        assertEquals(List.of("probe/x"), keys);
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket("vigil").object("probe/x").build())) {
            assertArrayEquals(new byte[] {7, 8}, in.readAllBytes());
        }
        client.removeObject(
                RemoveObjectArgs.builder().bucket("vigil").object("probe/x").build());
    }

    // ---- item: path traversal through the camera id ------------------------------------------------------------

    /** Camera ids as they appear in a URL path, each refused; the first ones reach the planted file on the old code. */
    private List<String> hostileIds() {
        String plantedAbsolute = URLEncoder.encode(work.resolve("planted").toString(), StandardCharsets.UTF_8);
        return List.of(
                "..%2Fplanted",
                "%2e%2e%2Fplanted",
                "%2E%2E%2Fplanted",
                "..%2F..%2F" + work.getFileName() + "%2Fplanted",
                plantedAbsolute,
                "%2Ftmp%2Fx",
                "..%2F..%2Fetc",
                "..%5Cplanted",
                "..%5C..%5Cetc",
                "%2e%2e",
                "..",
                "%2e",
                "a%00b",
                "porch%00",
                "a%0D%0AX-Injected:%201",
                "PORCH",
                "Porch",
                "a".repeat(64),
                "a".repeat(300),
                "cam%C3%A9ra",
                "%D0%B0bc",
                "%E2%80%AEporch",
                "%20porch",
                "porch%20",
                "-porch",
                "por.ch",
                "por_ch",
                "por*ch",
                "%2Fporch");
    }

    /** Every camera route, with {@code ID} where the camera id goes. */
    private static final List<String> CAMERA_ROUTES = List.of(
            "GET /api/cameras/ID",
            "PUT /api/cameras/ID",
            "DELETE /api/cameras/ID",
            "GET /api/cameras/ID/live.m3u8",
            "GET /api/cameras/ID/playlist.m3u8?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z",
            "GET /api/cameras/ID/timeline?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z",
            "GET /api/cameras/ID/clip.mp4?start=2026-01-01T00:00:00Z&end=2026-01-01T00:10:00Z",
            "GET /api/cameras/ID/clip.manifest?start=2026-01-01T00:00:00Z&end=2026-01-01T00:10:00Z",
            "GET /api/cameras/ID/snapshot.jpg",
            "GET /api/cameras/ID/segments/0.m4s",
            "GET /api/cameras/ID/init/" + PLANTED_NAME,
            "GET /api/cameras/ID/verify?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z");

    /** Routes that take a camera id in a query parameter or the body. */
    private static final List<String> CAMERA_ID_PARAMETERS = List.of(
            "GET /api/holds?cameraId=ID",
            "GET /api/shares?cameraId=ID",
            "GET /api/audit?cameraId=ID",
            "POST /api/holds {\"cameraId\":\"ID\",\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2026-01-01T01:00:00Z\",\"reason\":\"probe\"}",
            "POST /api/shares {\"cameraId\":\"ID\",\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2026-01-01T01:00:00Z\"}");

    @Test
    void hostileCameraIdsGetAJson400OnEveryRouteAndNeverAFileOutsideTheSpool() throws Exception {
        awaitSegments("porch", 2);
        String plantedUrl = "/api/cameras/..%2Fplanted/init/" + PLANTED_NAME;
        int tried = 0;
        List<String> wrong = new ArrayList<>();
        for (String who : List.of(VIEWER, TestAdmin.basic())) {
            for (String id : hostileIds()) {
                for (String route : CAMERA_ROUTES) {
                    String[] parts = route.split(" ", 2);
                    String body = parts[0].equals("PUT") ? "{\"name\":\"probe\"}" : null;
                    HttpResponse<String> answer = vigil.send(parts[0], parts[1].replace("ID", id), body, who);
                    tried++;
                    String problem = refusedAsMalformed(answer, "id");
                    // the role is checked first: a viewer is refused a route it may never use, whatever the id
                    if (problem != null
                            && who.equals(VIEWER)
                            && answer.statusCode() == 403
                            && answer.body()
                                    .startsWith("{\"error\":\"FORBIDDEN\",\"message\":\"role viewer may not ")) {
                        problem = null;
                    }
                    if (problem != null) {
                        wrong.add(route.replace("ID", id) + ": " + problem);
                    }
                }
                for (String route : CAMERA_ID_PARAMETERS) {
                    String[] parts = route.split(" ", 3);
                    if (parts.length == 3
                            && java.net.URLDecoder.decode(id, StandardCharsets.UTF_8)
                                    .trim()
                                    .equals("porch")) {
                        continue; // a body's id is trimmed: " porch", "porch\0" are porch
                    }
                    String path = parts[1].replace("ID", id);
                    // in a JSON body the id is the decoded string, as JSON escapes it
                    String body = parts.length < 3
                            ? null
                            : parts[2].replace("ID", json(java.net.URLDecoder.decode(id, StandardCharsets.UTF_8)));
                    HttpResponse<String> answer = vigil.send(parts[0], path, body, TestAdmin.basic());
                    tried++;
                    String problem = refusedAsMalformed(answer, "cameraId");
                    if (problem != null) {
                        wrong.add(route.replace("ID", id) + ": " + problem);
                    }
                }
            }
        }
        // 29 ids on 12 camera routes and 5 parameter routes, as a viewer and an admin; 3 ids trim to porch in a body
        assertEquals(2 * (29 * (12 + 5) - 3 * 2), tried, "bad inputs tried");
        assertEquals(
                List.of(),
                wrong.stream().filter(w -> w.contains("PLANTED-NOT-FOOTAGE")).toList(),
                "the planted file is never served");
        assertEquals(List.of(), wrong, "every hostile id is refused as malformed");
        assertEquals(400, vigil.send("GET", plantedUrl, null, VIEWER).statusCode());
        // every refusal leaves its audit row, without the malformed id as a camera
        String audit =
                vigil.send("GET", "/api/audit?user=vera&limit=10000", null).body();
        assertTrue(audit.contains("\"httpStatus\":400"), "the viewer's refused requests are audited: " + audit);
        assertTrue(
                audit.contains("\"detail\":\"GET /api/cameras/..%2Fplanted/live.m3u8\""),
                "the attempt is named: " + audit);
        assertFalse(
                java.util.regex.Pattern.compile("\"cameraId\":\"[^\"]*(planted|\\.\\.|%|\\\\)")
                        .matcher(audit)
                        .find(),
                "no malformed id as a camera: " + audit);
        // and a valid id still works on the same routes
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras/porch/live.m3u8", null, VIEWER).statusCode());
        assertEquals(
                404,
                vigil.send("GET", "/api/cameras/porch/init/" + PLANTED_NAME, null, VIEWER)
                        .statusCode());
    }

    // ---- item: Cache-Control of footage answers -----------------------------------------------------------------

    @Test
    void everyFootageAnswerIsPrivateAndClipsAreNeverStored() throws Exception {
        List<Segment> segments = awaitSegments("porch", 4);
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        String range = "start=" + first.start() + "&end=" + last.start();
        String init = first.initKey().substring(first.initKey().lastIndexOf('/') + 1);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/api/cameras/porch/live.m3u8", "private, no-cache");
        expected.put("/api/cameras/porch/playlist.m3u8?" + range, "private, max-age=60");
        expected.put("/api/cameras/porch/playlist.m3u8?start=" + first.start(), "private, no-cache");
        expected.put(
                "/api/cameras/porch/segments/" + first.sequence() + ".m4s", "private, max-age=31536000, immutable");
        expected.put("/api/cameras/porch/init/" + init, "private, max-age=31536000, immutable");
        expected.put("/api/cameras/porch/clip.mp4?" + range, "private, no-store");
        expected.put("/api/cameras/porch/clip.manifest?" + range, "private, no-store");
        expected.put("/api/cameras/porch/snapshot.jpg", "private, no-cache");
        expected.put("/api/cameras/porch/snapshot.jpg?at=" + first.start().plusMillis(500), "private, max-age=3600");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            HttpResponse<byte[]> answer = vigil.download(path);
            assertEquals(200, answer.statusCode(), path);
            actual.put(path, answer.headers().firstValue("Cache-Control").orElse("(none)"));
        }
        assertEquals(expected, actual);
    }

    // ---- item: presigned delivery ------------------------------------------------------------------------------

    private static final Pattern PRESIGNED_MEDIA = Pattern.compile(
            "http://127\\.0\\.0\\.1:\\d+/vigil/gate/\\d{4}/\\d{2}/\\d{2}/\\d{2}/(\\d+)-(\\d+)\\.m4s\\?\\S+");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** When a presigned URL stops working: its signing time plus its validity. */
    private static Instant expiry(String url) {
        return Instant.from(AMZ_DATE.parse(query(url, "X-Amz-Date")))
                .plusSeconds(Long.parseLong(query(url, "X-Amz-Expires")));
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&\\s]+)").matcher(url);
        assertTrue(m.find(), name + " in " + url);
        return m.group(1);
    }

    @Test
    void presignedPlaylistsAreAuditedAndTheirUrlsNeverOutliveTheViewersLiveLimit() throws Exception {
        List<Segment> recorded = awaitSegments("gate", 7);
        String live = vigil.send("GET", "/api/cameras/gate/live.m3u8?source=archive", null, VIEWER)
                .body();
        List<String> presigned =
                PRESIGNED_MEDIA.matcher(live).results().map(MatchResult::group).toList();
        assertFalse(presigned.isEmpty(), live);
        for (String url : presigned) {
            Instant noLongerLive = Instant.ofEpochMilli(
                            Long.parseLong(PRESIGNED_MEDIA.matcher(url).replaceAll("$1")))
                    .plus(LIVE_AGE);
            Instant expiry = expiry(url);
            assertFalse(expiry.isAfter(noLongerLive), url + " outlives the live limit " + noLongerLive);
            assertTrue(expiry.isAfter(noLongerLive.minusSeconds(3)), url + " expires too early: " + expiry);
        }
        String initUrl = live.replaceAll("(?s).*#EXT-X-MAP:URI=\"([^\"]+)\".*", "$1");
        assertEquals("300", query(initUrl, "X-Amz-Expires"), "vigil.playback.presigned-validity: 5 min by default");
        HttpResponse<byte[]> direct = http.send(
                HttpRequest.newBuilder(URI.create(presigned.get(0))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, direct.statusCode(), "the embedded store serves what it presigned");

        String audit = vigil.send("GET", "/api/audit?user=vera&cameraId=gate&action=LIVE_VIEW", null, AUDITOR)
                .body();
        assertEquals(1, count(audit, "\"action\":\"LIVE_VIEW\",\"cameraId\":\"gate\""), audit);
        assertEquals(1, count(audit, "\"outcome\":\"OK\",\"httpStatus\":200"), audit);

        // all but the newest: those have surely left the spool (a segment leaves it before the next is indexed)
        Segment from = recorded.get(0);
        Segment to = recorded.get(recorded.size() - 2);
        String history = vigil.send(
                        "GET",
                        "/api/cameras/gate/playlist.m3u8?start=" + from.start() + "&end=" + to.end(),
                        null,
                        AUDITOR)
                .body();
        List<String> historyUrls = PRESIGNED_MEDIA
                .matcher(history)
                .results()
                .map(MatchResult::group)
                .toList();
        assertEquals(recorded.size() - 1, historyUrls.size(), history);
        assertEquals(
                List.of("300"),
                historyUrls.stream()
                        .map(u -> query(u, "X-Amz-Expires"))
                        .distinct()
                        .toList());
        String playback = vigil.send("GET", "/api/audit?user=aldo&cameraId=gate&action=PLAYBACK", null, AUDITOR)
                .body();
        assertEquals(
                1,
                count(
                        playback,
                        "\"action\":\"PLAYBACK\",\"cameraId\":\"gate\",\"rangeStart\":\"" + from.start() + "\""),
                playback);

        // The camera stops: once its segments are older than the live limit, the viewer's live playlist lists them
        // through Vigil only, where the viewer is refused; the URLs handed out before no longer work at the store.
        assertEquals(
                200,
                vigil.send("PUT", "/api/cameras/gate", "{\"enabled\":false}").statusCode());
        vigil.await(
                "no presigned segment URL in gate's live playlist",
                LIVE_AGE.plusSeconds(30),
                () -> liveAsViewer("gate").lines().noneMatch(l -> !l.startsWith("#") && l.contains("X-Amz-")));
        String stale = liveAsViewer("gate");
        List<String> relative =
                stale.lines().filter(l -> l.startsWith("segments/")).toList();
        assertEquals(6, relative.size(), stale);
        HttpResponse<String> refused = vigil.send("GET", "/api/cameras/gate/" + relative.get(0), null, VIEWER);
        assertEquals(403, refused.statusCode(), refused.body());
        for (String url : presigned) {
            vigil.await(
                    "the store refuses " + url + " after it expired",
                    Duration.ofSeconds(10),
                    () -> statusOf(url) == 403);
        }
    }

    private String liveAsViewer(String camera) {
        try {
            return vigil.send("GET", "/api/cameras/" + camera + "/live.m3u8?source=archive", null, VIEWER)
                    .body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private int statusOf(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    // ---- item: aborted clip downloads -----------------------------------------------------------------------------

    @Test
    void abortedClipDownloadsLogNoStackTraceAndReleaseEveryBuffer() throws Exception {
        List<Segment> segments = awaitSegments("porch", 8);
        String path = "/api/cameras/porch/clip.mp4?start=" + segments.get(0).start() + "&end="
                + segments.get(segments.size() - 1).end();
        long wholeBytes = vigil.download(path).body().length;
        URI base = URI.create(vigil.base);
        ClipBuffers buffers = vigil.context.getBean(ClipBuffers.class);
        int aborted = 0;
        for (int i = 0; i < 24; i++) {
            long stopAfter = (16 * 1024L) << (i % 6); // 16 KiB to 512 KiB: inside the init segment, inside segments
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoLinger(true, 0); // close with a reset, as a cancelled download or a closed tab may
                OutputStream out = socket.getOutputStream();
                out.write(
                        ("GET " + path + " HTTP/1.1\r\nHost: vigil\r\nAuthorization: " + TestAdmin.basic() + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] chunk = new byte[8192];
                long read = 0;
                for (int n; read < stopAfter && (n = in.read(chunk)) >= 0; ) {
                    read += n;
                }
                assertTrue(
                        read >= stopAfter && read < wholeBytes,
                        "closed mid-clip after " + read + " of " + wholeBytes + " bytes");
                aborted++;
            }
        }
        assertEquals(24, aborted);
        vigil.await(
                "every clip buffer released after the aborted downloads",
                Duration.ofSeconds(15),
                () -> buffers.outstanding() == 0);
        assertEquals(
                List.of(),
                vigil.logLines.stream()
                        .filter(l -> l.contains("onNext before request")
                                || l.contains("A task raised an exception")
                                || l.contains("LEAK:"))
                        .toList());
        assertEquals(wholeBytes, vigil.download(path).body().length, "the same clip still downloads whole");
        assertEquals(0, buffers.outstanding());
    }

    /** Null if the answer is 400 VALIDATION_FAILED JSON naming {@code field}, else what is wrong with it. */
    private static String refusedAsMalformed(HttpResponse<String> answer, String field) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 400
                || !type.startsWith("application/json")
                || !answer.body().startsWith("{\"error\":\"VALIDATION_FAILED\"")
                || !answer.body().contains("\"fields\":{\"" + field + "\":")) {
            String body = answer.body();
            return answer.statusCode() + " " + type + " "
                    + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
        }
        return null;
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
