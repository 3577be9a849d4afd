package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.store.ObjectStoreFactory.EmbeddedS3Holder;
import io.vigil.camera.network.CameraNetworks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an installer could do to a camera's password, and what a network could do to Vigil, on the running service
 * (issue 15): a camera moved to another host keeps no credentials; an rtsps:// camera gets them only over a
 * verified (pinned or CA-vouched) connection; URL errors never echo a password; cameras cannot point at link-local,
 * multicast or the service's own ports, at registration or at connection; the cameras file's changes are audited.
 */
class CameraHardeningTest {

    private static final String OLD_SECRET = "Old-Camera-Secret-41";
    private static final String NEW_SECRET = "New-Camera-Secret-42";
    private static final String TLS_SECRET = "Tls-Camera-Secret-43";
    private static final String URL_SECRET = "Url-Secret-44";
    private static final String FILE_SECRET = "File-Camera-Secret-45";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Path work;
    private VigilHarness vigil;
    private final List<AutoCloseable> listeners = new ArrayList<>();

    /** A service of its own per test: each starts clean, and the one test that needs two services in turn can. */
    @BeforeEach
    void start() throws Exception {
        work = Files.createTempDirectory("vigil-camera-hardening");
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work, Map.of("vigil.recorder.backoff-initial", "1s", "vigil.recorder.backoff-max", "2s"));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable l : listeners) {
            l.close();
        }
        stopService();
    }

    /** Checks the service never showed a secret, and stops it (one Quartz scheduler per JVM: one service at a time). */
    private void stopService() {
        if (vigil != null) {
            for (String secret : List.of(OLD_SECRET, NEW_SECRET, TLS_SECRET, URL_SECRET, FILE_SECRET)) {
                vigil.assertNeverShown(secret);
            }
            vigil.close();
            vigil = null;
        }
    }

    private <T extends AutoCloseable> T keep(T listener) {
        listeners.add(listener);
        return listener;
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The camera's status object, as JSON text. */
    private String status(String camera) throws Exception {
        String body = vigil.send("GET", "/api/cameras/" + camera, null).body();
        return body.substring(body.indexOf("\"status\":"));
    }

    private String statusQuietly(String camera) {
        try {
            return status(camera);
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    @Test
    void aCameraMovedToAnotherHostTakesNoneOfItsCredentialsThere() throws Exception {
        FakeRtspCamera real = keep(FakeRtspCamera.plain("127.0.0.1"));
        FakeRtspCamera taker = keep(FakeRtspCamera.plain("127.0.0.1"));
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"moved\",\"url\":\"rtsp://127.0.0.1:" + real.port()
                                        + "/live\",\"username\":\"cam-admin\",\"password\":\"" + OLD_SECRET + "\"}")
                        .statusCode());
        vigil.await(
                "the real camera is asked with its credentials",
                DEADLINE,
                () -> real.requests.stream().anyMatch(r -> r.contains(basic("cam-admin", OLD_SECRET))));

        java.time.Instant putAt = java.time.Instant.now();
        HttpResponse<String> moved =
                vigil.send("PUT", "/api/cameras/moved", "{\"url\":\"rtsp://127.0.0.1:" + taker.port() + "/live\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        vigil.await("the new host is asked, and its refusal ends the attempt", DEADLINE, () -> {
            String s = statusQuietly("moved");
            Matcher since = Pattern.compile("\"since\":\"([^\"]+)\"").matcher(s);
            return !taker.requests.isEmpty()
                    && s.contains("\"state\":\"UNAUTHORIZED\"")
                    && since.find()
                    && java.time.Instant.parse(since.group(1)).isAfter(putAt);
        });
        assertEquals(0, taker.withAuthorization(), "the old credentials went to the new host: " + taker.requests);
        assertTrue(moved.body().contains("\"hasPassword\":false"), moved.body());
        assertFalse(moved.body().contains("\"username\""), moved.body());

        String audit = vigil.send("GET", "/api/audit?cameraId=moved&action=CAMERA_UPDATE", null)
                .body();
        assertTrue(
                audit.contains("\"detail\":\"PUT /api/cameras/moved: url rtsp://127.0.0.1:" + real.port()
                        + "/live -> rtsp://127.0.0.1:" + taker.port()
                        + "/live, user name removed, password removed, stored "
                        + "credentials dropped with the old scheme, host or port\""),
                audit);

        // Credentials given with the new host are the ones sent: the listener does see them when they are due.
        assertEquals(
                200,
                vigil.send(
                                "PUT",
                                "/api/cameras/moved",
                                "{\"url\":\"rtsp://127.0.0.1:" + taker.port()
                                        + "/main\",\"username\":\"new-admin\",\"password\":\"" + NEW_SECRET + "\"}")
                        .statusCode());
        vigil.await(
                "the new host gets the new credentials",
                DEADLINE,
                () -> taker.requests.stream().anyMatch(r -> r.contains(basic("new-admin", NEW_SECRET))));
        assertTrue(
                taker.requests.stream().noneMatch(r -> r.contains(basic("cam-admin", OLD_SECRET))),
                taker.requests.toString());
    }

    @Test
    void anRtspsCameraGetsItsCredentialsOnlyOverAPinnedOrTrustedCertificate() throws Exception {
        FakeRtspCamera camera = keep(FakeRtspCamera.tls(work));
        String url = "rtsps://127.0.0.1:" + camera.port() + "/live";
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"tlscam\",\"url\":\"" + url + "\",\"username\":\"tls-admin\",\"password\":\""
                                        + TLS_SECRET + "\"}")
                        .statusCode());
        vigil.await("the self-signed camera is refused, naming its fingerprint", DEADLINE, () -> {
            String s = statusQuietly("tlscam");
            return s.contains("\"state\":\"ERROR\"")
                    && s.contains("TLS certificate not trusted (")
                    && s.contains("pin its SHA-256 fingerprint " + camera.fingerprint + " as tlsFingerprint");
        });
        assertTrue(status("tlscam").contains("\"tlsFingerprint\":\"" + camera.fingerprint + "\""), status("tlscam"));
        assertEquals(List.of(), camera.requests, "no RTSP request reached the untrusted camera");

        String wrong = "00:".repeat(31) + "00";
        assertEquals(
                200,
                vigil.send("PUT", "/api/cameras/tlscam", "{\"tlsFingerprint\":\"" + wrong + "\"}")
                        .statusCode());
        vigil.await(
                "a wrong pin is refused",
                DEADLINE,
                () -> statusQuietly("tlscam")
                        .contains("TLS certificate refused: its SHA-256 fingerprint " + camera.fingerprint
                                + " is not the pinned " + wrong));
        assertEquals(List.of(), camera.requests, "no RTSP request reached the camera with the wrong pin");

        HttpResponse<String> pinned = vigil.send(
                "PUT",
                "/api/cameras/tlscam",
                "{\"tlsFingerprint\":\"" + camera.fingerprint.replace(":", "").toLowerCase(Locale.ROOT) + "\"}");
        assertEquals(200, pinned.statusCode(), pinned.body());
        assertTrue(pinned.body().contains("\"tlsFingerprint\":\"" + camera.fingerprint + "\""), pinned.body());
        vigil.await(
                "the pinned camera gets its credentials over TLS",
                DEADLINE,
                () -> camera.requests.stream()
                        .anyMatch(r -> r.startsWith("OPTIONS rtsps://127.0.0.1:" + camera.port() + "/live RTSP/1.0")
                                && r.contains(basic("tls-admin", TLS_SECRET))));
        String audit = vigil.send("GET", "/api/audit?cameraId=tlscam&action=CAMERA_UPDATE", null)
                .body();
        assertTrue(audit.contains("certificate pinned " + camera.fingerprint), audit);
    }

    @Test
    void urlErrorsNeverEchoThePassword() throws Exception {
        String[] malformed = {
            "rtsp://admin:" + URL_SECRET + " x@192.0.2.1/s",
            "rtsp://admin:p@" + URL_SECRET + "@192.0.2.1/s",
            "rtsp://admin:" + URL_SECRET + "@@192.0.2.1/s",
            "rtsp://admin:" + URL_SECRET + "@192.0.2.1:70000/s",
            "rtsp://admin:" + URL_SECRET + "@/s",
            "rtsp://admin:" + URL_SECRET + "%zz@192.0.2.1/s",
            "rtsp://admin:" + URL_SECRET + "{}@192.0.2.1/s",
            "rtsps://admin:" + URL_SECRET + "@[::1/s",
        };
        for (String url : malformed) {
            HttpResponse<String> r = vigil.send(
                    "POST", "/api/cameras", "{\"id\":\"badurl\",\"url\":\"" + url.replace("\\", "\\\\") + "\"}");
            assertEquals(400, r.statusCode(), url + " -> " + r.body());
            assertTrue(
                    r.body().contains("\"error\":\"VALIDATION_FAILED\"")
                            && r.body().contains("\"url\":\""),
                    r.body());
            assertFalse(r.body().contains(URL_SECRET), url + " -> " + r.body());
        }
    }

    @Test
    void camerasCannotPointAtDeniedNetworksOrTheServiceItself() throws Exception {
        int apiPort = Integer.parseInt(vigil.base.substring(vigil.base.lastIndexOf(':') + 1));
        int storePort = vigil.context
                .getBean(EmbeddedS3Holder.class)
                .server()
                .orElseThrow()
                .endpoint()
                .getPort();
        Map<String, String> refused = Map.ofEntries(
                Map.entry(
                        "rtsp://169.254.169.254/latest/meta-data",
                        "169.254.169.254 is in the denied camera network 169.254.0.0/16"),
                Map.entry(
                        "rtsp://[::ffff:169.254.169.254]/x",
                        "169.254.169.254 is in the denied camera network 169.254.0.0/16"),
                Map.entry("rtsp://2852039166/x", "169.254.169.254 is in the denied camera network 169.254.0.0/16"),
                Map.entry("rtsp://[fe80::1]/x", "fe80:0:0:0:0:0:0:1 is in the denied camera network fe80::/10"),
                Map.entry("rtsp://224.0.0.251/x", "224.0.0.251 is in the denied camera network 224.0.0.0/4"),
                Map.entry("rtsp://[ff02::1]/x", "ff02:0:0:0:0:0:0:1 is in the denied camera network ff00::/8"),
                Map.entry("rtsp://0.0.0.0/x", "0.0.0.0 is in the denied camera network 0.0.0.0/8"),
                Map.entry(
                        "rtsp://255.255.255.255/x",
                        "255.255.255.255 is in the denied camera network 255.255.255.255/32"),
                Map.entry(
                        "rtsp://127.0.0.1:" + apiPort + "/x",
                        "127.0.0.1 port " + apiPort + " is this service's own port"),
                Map.entry("rtsp://localhost:" + apiPort + "/x", " port " + apiPort + " is this service's own port"),
                Map.entry(
                        "rtsps://127.0.0.1:" + storePort + "/x",
                        "127.0.0.1 port " + storePort + " is this service's own port"),
                Map.entry(
                        "rtsp://[::1]:" + storePort + "/x",
                        "0:0:0:0:0:0:0:1 port " + storePort + " is this service's own port"));
        for (var e : refused.entrySet()) {
            HttpResponse<String> r =
                    vigil.send("POST", "/api/cameras", "{\"id\":\"internal\",\"url\":\"" + e.getKey() + "\"}");
            assertEquals(400, r.statusCode(), e.getKey() + " -> " + r.body());
            Matcher m = Pattern.compile("\"fields\":\\{\"url\":\"points at ([^\"]*)\"}")
                    .matcher(r.body());
            assertTrue(m.find() && m.group(1).contains(e.getValue()), e.getKey() + " -> " + r.body());
        }
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"inside\",\"url\":\"rtsp://192.0.2.9/x\"," + "\"enabled\":false}")
                        .statusCode());
        HttpResponse<String> update =
                vigil.send("PUT", "/api/cameras/inside", "{\"url\":\"rtsp://169.254.169.254/x\"}");
        assertEquals(400, update.statusCode(), "a change is checked too: " + update.body());
        for (String allowed : List.of("rtsp://127.0.0.1:8554/x", "rtsp://10.20.30.40/x", "rtsp://[fd00::7]/x")) {
            HttpResponse<String> r = vigil.send(
                    "POST", "/api/cameras", "{\"id\":\"allowed\",\"url\":\"" + allowed + "\",\"enabled\":false}");
            assertEquals(201, r.statusCode(), allowed + " -> " + r.body());
            assertEquals(204, vigil.send("DELETE", "/api/cameras/allowed", null).statusCode());
        }
    }

    /**
     * A camera stored while its address was allowed, then denied (as when its name resolves elsewhere later): it is
     * not connected to at all, and says why. Also: the cameras file's adds, changes and removals are audit rows.
     */
    @Test
    void theConnectionIsCheckedAgainAndTheCamerasFileIsAudited() throws Exception {
        stopService();
        Path site = Files.createTempDirectory("vigil-camera-networks");
        FakeRtspCamera second = keep(FakeRtspCamera.plain("127.0.0.2"));
        String file = """
                cameras:
                  - {id: second, url: "rtsp://127.0.0.2:%d/live", username: admin, password: "%s"}
                  - {id: gate, url: "rtsp://192.0.2.1/a"}
                %s""";
        Files.writeString(
                site.resolve("cameras.yml"),
                file.formatted(second.port(), FILE_SECRET, "  - {id: gone, url: \"rtsp://192.0.2.3/c\"}\n"));
        try (VigilHarness first = new VigilHarness(site, Map.of())) {
            first.await(
                    "the camera on 127.0.0.2 is asked with its credentials",
                    DEADLINE,
                    () -> second.requests.stream().anyMatch(r -> r.contains(basic("admin", FILE_SECRET))));
            String created = first.send("GET", "/api/audit?action=CAMERA_CREATE&user=system:cameras-file", null)
                    .body();
            assertTrue(
                    created.contains("\"cameraId\":\"second\",\"rangeStart\"")
                            || created.contains("\"cameraId\":\"second\""),
                    created);
            assertTrue(
                    created.contains(
                            "created: url rtsp://127.0.0.2:" + second.port() + "/live, transport tcp, enabled, "
                                    + "retention 30 days, user name set, password set (cameras file)"),
                    created);
            assertEquals(3, count(created, "\"action\":\"CAMERA_CREATE\""), created);
            first.assertNeverShown(FILE_SECRET);
        }
        int connectionsBefore = second.connections.get();
        Files.writeString(
                site.resolve("cameras.yml"),
                file.formatted(second.port(), FILE_SECRET, "").replace("rtsp://192.0.2.1/a", "rtsp://192.0.2.2/a"));
        List<String> deny = new ArrayList<>(CameraNetworks.DEFAULT_DENY);
        deny.add("127.0.0.2/32");
        try (VigilHarness again = new VigilHarness(site, Map.of("vigil.cameras.networks.deny", deny))) {
            again.await("the stored camera, now in a denied network, is not connected to", DEADLINE, () -> {
                try {
                    String body = again.send("GET", "/api/cameras/second", null).body();
                    return body.contains("\"state\":\"ERROR\"")
                            && body.contains("\"lastError\":\"not connected: 127.0.0.2 "
                                    + "is in the denied camera network 127.0.0.2/32 (vigil.cameras.networks.deny)\"");
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals(connectionsBefore, second.connections.get(), "no connection to a denied address");
            String updated = again.send("GET", "/api/audit?action=CAMERA_UPDATE&user=system:cameras-file", null)
                    .body();
            assertTrue(
                    updated.contains("\"detail\":\"url rtsp://192.0.2.1/a -> rtsp://192.0.2.2/a (cameras file)\""),
                    updated);
            assertTrue(
                    updated.contains("\"cameraId\":\"gone\"")
                            && updated.contains(
                                    "\"detail\":\"disabled: no longer in the cameras file; recordings kept\""),
                    updated);
            assertEquals(2, count(updated, "\"action\":\"CAMERA_UPDATE\""), updated);
            again.assertNeverShown(FILE_SECRET);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
