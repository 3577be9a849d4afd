package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Events and API tokens in a running service recording a real camera ({@code dock}, from the RTSP simulator; {@code
 * gate} registered beside it): an admin creates a token for dock; the token posts an event for dock that holds the
 * footage around it (the hold is in {@code /api/holds}), is refused gate and every other route, and once revoked is
 * refused altogether; a viewer lists events but cannot post; deleting an event hides it and releases its hold; every
 * step has its audit row; the token's secret appears in no response but its creation's, in no log line and in no
 * database file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsEndToEndTest {

    private static final String VIEWER_PASSWORD = "viewer-pass-123";

    private CameraSimulator cameras;
    private VigilHarness vigil;
    private JsonMapper json;
    private Segment recorded;
    private String tokenId;
    private String secret;
    private String eventId;
    private String holdId;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-e2e-events");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        cameras = new CameraSimulator(Map.of("dock", ExternalTools.clip(clips, false)), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(work, Map.of());
        json = vigil.context.getBean(JsonMapper.class);
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\": \"dock\", \"url\": \"" + cameras.url("dock") + "\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"gate\",\"url\":\"rtsp://127.0.0.1:9/g\",\"enabled\":false}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"vera\",\"password\":\"" + VIEWER_PASSWORD + "\",\"role\":\"viewer\"}")
                        .statusCode());
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        vigil.await(
                "2 segments of dock (simulator: " + cameras.output() + ")",
                Duration.ofSeconds(90),
                () -> index.count("dock") >= 2);
        recorded = index.oldest("dock", -1, 1).get(0);
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

    private Map<?, ?> object(String body) throws Exception {
        return json.readValue(body, Map.class);
    }

    private List<Map<?, ?>> list(String body) throws Exception {
        List<Map<?, ?>> rows = new java.util.ArrayList<>();
        for (Object row : json.readValue(body, io.micronaut.core.type.Argument.listOf(Map.class))) {
            rows.add((Map<?, ?>) row);
        }
        return rows;
    }

    private String token() {
        return "Bearer " + secret;
    }

    private String viewer() {
        return TestAdmin.basic("vera", VIEWER_PASSWORD);
    }

    private String dockEvent(String label) {
        return """
                {"cameraIds": ["dock"], "at": "%s", "label": "%s", "source": "door 3",
                 "hold": {"before": "PT10S", "after": "PT30S"}}""".formatted(recorded.start().plusMillis(500), label);
    }

    @Test
    @Order(1)
    void anAdminCreatesATokenWhoseSecretIsShownOnce() throws Exception {
        HttpResponse<String> created = vigil.send(
                "POST",
                "/api/tokens",
                "{\"name\": \"door-panel\", \"cameraIds\": [\"dock\"], \"scopes\": [\"events:write\"]}");
        assertEquals(201, created.statusCode(), created.body());
        vigil.responses.remove(created.body()); // the one answer allowed to hold the secret
        Map<?, ?> body = object(created.body());
        secret = (String) body.get("secret");
        assertTrue(secret.matches("vgt_[A-Za-z0-9_-]{43}"), "vgt_ and 32 bytes in base64url");
        tokenId = (String) ((Map<?, ?>) body.get("token")).get("id");

        HttpResponse<String> listed = vigil.send("GET", "/api/tokens", null);
        assertEquals(200, listed.statusCode());
        List<?> tokens = list(listed.body());
        assertEquals(1, tokens.size());
        Map<?, ?> token = (Map<?, ?>) tokens.get(0);
        assertEquals("door-panel", token.get("name"));
        assertEquals(List.of("dock"), token.get("cameraIds"));
        assertFalse(listed.body().contains(secret.substring(4, 20)), listed.body());
        assertNull(token.get("lastUsed"), "never used yet");
    }

    @Test
    @Order(2)
    void theTokenPostsAnEventForItsCameraThatHoldsTheFootageAroundIt() throws Exception {
        HttpResponse<String> posted = vigil.send("POST", "/api/events", dockEvent("Door forced"), token());
        assertEquals(201, posted.statusCode(), posted.body());
        Map<?, ?> event = object(posted.body());
        eventId = (String) event.get("id");
        assertEquals("token:door-panel", event.get("createdBy"));
        assertEquals(recorded.start().plusMillis(500).toString(), event.get("start"));
        assertNull(event.get("end"), "a point event");
        Map<?, ?> hold = (Map<?, ?>) event.get("hold");
        assertEquals(recorded.start().minusMillis(9_500).toString(), hold.get("start"));
        assertEquals(recorded.start().plusMillis(30_500).toString(), hold.get("end"));
        holdId = (String) ((Map<?, ?>) hold.get("holdIds")).get("dock");

        Map<?, ?> placed =
                object(vigil.send("GET", "/api/holds/" + holdId, null).body());
        assertEquals("dock", placed.get("cameraId"));
        assertEquals(hold.get("start"), placed.get("start"));
        assertEquals(hold.get("end"), placed.get("end"));
        assertNull(placed.get("released"));
        assertEquals("event " + eventId + ": Door forced (placed by token:door-panel)", placed.get("reason"));
        assertTrue(vigil.send("GET", "/api/holds?cameraId=dock", null).body().contains(holdId), "listed");
        assertNotNull(list(vigil.send("GET", "/api/tokens", null).body()).get(0).get("lastUsed"), "its use is noted");
    }

    @Test
    @Order(3)
    void theTokenIsRefusedAnotherCameraAndEveryOtherRoute() throws Exception {
        HttpResponse<String> gate = vigil.send(
                "POST", "/api/events", dockEvent("Door forced").replace("[\"dock\"]", "[\"gate\"]"), token());
        assertEquals(403, gate.statusCode(), gate.body());
        assertTrue(gate.body().contains("\"error\":\"FORBIDDEN\""), gate.body());
        HttpResponse<String> both = vigil.send(
                "POST", "/api/events", dockEvent("Door forced").replace("[\"dock\"]", "[\"dock\", \"gate\"]"), token());
        assertEquals(403, both.statusCode(), both.body());
        for (String[] route : List.of(
                new String[] {"GET", "/api/events"},
                new String[] {"GET", "/api/holds"},
                new String[] {"GET", "/api/cameras"},
                new String[] {"GET", "/api/cameras/dock/timeline"},
                new String[] {"GET", "/api/tokens"})) {
            HttpResponse<String> r = vigil.send(route[0], route[1], null, token());
            assertEquals(403, r.statusCode(), route[1] + ": " + r.body());
        }
        assertEquals(
                1,
                vigil.send("GET", "/api/holds", null).body().split("placed by token:door-panel", -1).length - 1,
                "no hold was placed for the refused events");
    }

    @Test
    @Order(4)
    void aViewerListsEventsButCannotPostThem() throws Exception {
        String range = "start=" + recorded.start() + "&end=" + recorded.start().plusSeconds(1);
        HttpResponse<String> listed = vigil.send("GET", "/api/events?cameraId=dock&" + range, null, viewer());
        assertEquals(200, listed.statusCode(), listed.body());
        List<?> events = (List<?>) object(listed.body()).get("events");
        assertEquals(1, events.size(), listed.body());
        assertEquals(eventId, ((Map<?, ?>) events.get(0)).get("id"));
        assertNull(object(listed.body()).get("next"), "no more");
        String after = "start=" + recorded.start().plusSeconds(1) + "&end="
                + recorded.start().plusSeconds(60);
        assertEquals(
                List.of(),
                object(vigil.send("GET", "/api/events?" + after, null, viewer()).body())
                        .get("events"),
                "a point event is outside a range after it");
        assertEquals(
                200, vigil.send("GET", "/api/events/" + eventId, null, viewer()).statusCode());
        HttpResponse<String> post = vigil.send("POST", "/api/events", dockEvent("Bookmark"), viewer());
        assertEquals(403, post.statusCode(), post.body());
        HttpResponse<String> bad = vigil.send(
                "POST", "/api/events", "{\"cameraIds\": [\"dock\"], \"at\": \"noon\", \"label\": \"<b>\"}", token());
        assertEquals(400, bad.statusCode(), bad.body());
        Map<?, ?> fields = (Map<?, ?>) object(bad.body()).get("fields");
        assertEquals(List.of("at", "label"), fields.keySet().stream().sorted().toList(), bad.body());
    }

    @Test
    @Order(5)
    void deletingAnEventHidesItAndReleasesItsHold() throws Exception {
        HttpResponse<String> deleted = vigil.send("DELETE", "/api/events/" + eventId, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(TestAdmin.USERNAME, object(deleted.body()).get("deletedBy"));
        assertEquals(
                List.of(),
                object(vigil.send("GET", "/api/events?cameraId=dock", null).body())
                        .get("events"));
        assertNotNull(
                object(vigil.send("GET", "/api/holds/" + holdId, null).body()).get("released"));
        assertNotNull(
                object(vigil.send("GET", "/api/events/" + eventId, null).body()).get("deletedAt"), "kept, marked");
    }

    @Test
    @Order(6)
    void aRevokedOrUnknownTokenIsUnauthenticated() throws Exception {
        assertEquals(200, vigil.send("DELETE", "/api/tokens/" + tokenId, null).statusCode());
        HttpResponse<String> revoked = vigil.send("POST", "/api/events", dockEvent("After revocation"), token());
        assertEquals(401, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("\"error\":\"UNAUTHENTICATED\""), revoked.body());
        HttpResponse<String> unknown =
                vigil.send("POST", "/api/events", dockEvent("Unknown"), "Bearer vgt_" + "x".repeat(43));
        assertEquals(401, unknown.statusCode(), unknown.body());
    }

    @Test
    @Order(7)
    void everyStepLeftItsAuditRowNamingTheTokenAndTheHold() throws Exception {
        List<Map<?, ?>> created = audit("EVENT_CREATE");
        // a refusal repeated (same caller, address, request line and status) within a viewing session's gap is one
        // row: the second refused post for gate, and the unknown token's 401 after the revoked one's
        assertEquals(
                List.of(
                        "OK token:door-panel",
                        "DENIED token:door-panel",
                        "DENIED vera",
                        "FAILED token:door-panel",
                        "DENIED -"),
                created.stream().map(r -> r.get("outcome") + " " + user(r)).toList(),
                "the post, the refused posts for gate, the viewer's, the invalid one, the revoked token's");
        assertEquals("dock", created.get(0).get("cameraId"));
        assertTrue(
                ((String) created.get(0).get("detail")).contains(eventId),
                created.get(0).toString());
        assertTrue(((String) created.get(0).get("detail")).contains(holdId), "names the hold");
        List<Map<?, ?>> deleted = audit("EVENT_DELETE");
        assertEquals(1, deleted.size());
        assertEquals(TestAdmin.USERNAME, deleted.get(0).get("username"));
        assertTrue(((String) deleted.get(0).get("detail")).contains(holdId), "names the hold released");
        assertEquals(1, audit("TOKEN_CREATE").size());
        assertEquals(1, audit("TOKEN_REVOKE").size());
        assertTrue(((String) audit("TOKEN_CREATE").get(0).get("detail")).contains("door-panel"));
    }

    @Test
    @Order(8)
    void theSecretIsInNoOtherResponseNoLogLineAndNoDatabaseFile() {
        vigil.assertNeverShown(secret);
        vigil.assertNeverShown(secret.substring(4));
    }

    private List<Map<?, ?>> audit(String action) throws Exception {
        HttpResponse<String> page = vigil.send("GET", "/api/audit?action=" + action, null);
        assertEquals(200, page.statusCode(), page.body());
        List<Map<?, ?>> rows = new java.util.ArrayList<>();
        for (Object row : (List<?>) object(page.body()).get("events")) {
            rows.add((Map<?, ?>) row);
        }
        return rows;
    }

    private static String user(Map<?, ?> row) {
        return row.get("username") == null ? "-" : (String) row.get("username");
    }
}
