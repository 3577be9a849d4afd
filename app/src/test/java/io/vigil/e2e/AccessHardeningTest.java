package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.access.audit.AuditAction;
import io.vigil.access.audit.AuditEvent;
import io.vigil.access.audit.AuditLog;
import io.vigil.access.audit.AuditQuery;
import io.vigil.kernel.database.Database;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access-control findings of issue 15, each reproduced against the running service with raw HTTP: the sign-in
 * lock-out while a password is remembered, partial user updates, times at the {@code Instant} limits on every route
 * that takes one (and their audit rows), the {@code /verify} range cap, cross-site forgery of state-changing
 * requests, {@code /api/cluster} under an allow-list, share links of a deleted user, {@code /health} details,
 * the empty audit page and over-long URLs, and what the audit log records of 401 challenges and refused links.
 * Clients are told apart by {@code X-Forwarded-For} (trusted here, as behind a proxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessHardeningTest {

    private static final String PW = "hardening-pass-1";
    /** The name a site's browsers reach Vigil by (Micronaut itself refuses other origins to a loopback host name). */
    private static final String SITE_HOST = "vigil.site.test";

    private static final String GOOD_START = "2026-01-01T00:00:00Z";
    private static final String GOOD_END = "2026-01-01T00:10:00Z";
    /** Times no route may take: past the Instant limits, past year 9999 or before 1970, not RFC 3339, empty. */
    static final List<String> BAD_TIMES = List.of(
            "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "99999999999999999999",
            "253402300800000",
            "",
            "garbage",
            "2026-13-45T25:61:00Z",
            "2026-11-22T10:02:00",
            "\u0000",
            "2026-11-22T10:02:00Z" + "x".repeat(300));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private VigilHarness vigil;
    private AuditLog audit;
    private int badInputsTried;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createTempDirectory("vigil-hardening");
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work,
                Map.of(
                        "vigil.security.bcrypt-cost",
                        4,
                        "vigil.security.trust-forwarded-for",
                        true,
                        "vigil.test.health-switch",
                        true));
        audit = vigil.context.getBean(AuditLog.class);
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\":\"cam\",\"url\":\"rtsp://127.0.0.1:9/x\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\":\"other\",\"url\":\"rtsp://127.0.0.1:9/y\"}")
                        .statusCode());
        for (String[] u :
                new String[][] {{"viewer", "viewer", null}, {"auditor", "auditor", null}, {"fitter", "installer", "cam"}
                }) {
            createUser(u[0], u[1], u[2]);
        }
    }

    @AfterAll
    void stop() {
        if (vigil != null) {
            System.out.println("AccessHardeningTest: bad inputs tried: " + badInputsTried);
            vigil.assertNeverShown(PW);
            vigil.assertNeverShown(TestAdmin.PASSWORD);
            vigil.close();
        }
    }

    // item 1: the throttle decides before the remembered password
    @Test
    void theLockOutHoldsWhileTheRealUserIsRemembered() throws Exception {
        createUser("target", "viewer", null);
        String player = TestAdmin.basic("target", PW);
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    200,
                    call("GET", "/api/cameras/cam", null, "Authorization", player, "X-Forwarded-For", "10.1.0.5")
                            .statusCode());
            HttpResponse<String> guess = call(
                    "GET",
                    "/api/cameras/cam",
                    null,
                    "Authorization",
                    TestAdmin.basic("target", "guess-" + i + "-xyz"),
                    "X-Forwarded-For",
                    "10.1.0.66");
            assertEquals(401, guess.statusCode(), guess.body());
        }
        HttpResponse<String> sixth = call(
                "GET",
                "/api/cameras/cam",
                null,
                "Authorization",
                TestAdmin.basic("target", "guess-6-xyz"),
                "X-Forwarded-For",
                "10.1.0.66");
        assertEquals(429, sixth.statusCode(), sixth.body());
        HttpResponse<String> right =
                call("GET", "/api/cameras/cam", null, "Authorization", player, "X-Forwarded-For", "10.1.0.66");
        assertEquals(
                429, right.statusCode(), "the right password from the guesser, though remembered: " + right.body());
        assertTrue(right.body().contains("\"error\":\"TOO_MANY_ATTEMPTS\""), right.body());
        assertTrue(
                Integer.parseInt(right.headers().firstValue("Retry-After").orElse("0")) > 0,
                right.headers().map().toString());
        assertEquals(
                429,
                call("GET", "/api/cameras/cam", null, "Authorization", player, "X-Forwarded-For", "10.1.0.5")
                        .statusCode(),
                "the user is locked out, the remembered password included");
        assertEquals(
                200,
                call(
                                "GET",
                                "/api/cameras/cam",
                                null,
                                "Authorization",
                                TestAdmin.basic("viewer", PW),
                                "X-Forwarded-For",
                                "10.1.0.66")
                        .statusCode(),
                "another user from the guesser's address is not locked out");
    }

    // item 2: a PUT keeps what it leaves out
    @Test
    void aPartialUserUpdateKeepsWhatItLeavesOut() throws Exception {
        createUser("rita", "viewer", "cam");
        HttpResponse<String> password = vigil.send("PUT", "/api/users/rita", "{\"password\":\"rita-new-pass-1\"}");
        assertEquals(200, password.statusCode(), "role is not needed: " + password.body());
        assertTrue(
                password.body().contains("\"role\":\"viewer\"")
                        && password.body().contains("\"cameras\":[\"cam\"]"),
                password.body());
        String rita = TestAdmin.basic("rita", "rita-new-pass-1");
        assertEquals(
                403, vigil.send("GET", "/api/cameras/other", null, rita).statusCode(), "the allow-list still holds");
        assertEquals(200, vigil.send("GET", "/api/cameras/cam", null, rita).statusCode());

        HttpResponse<String> role = vigil.send("PUT", "/api/users/rita", "{\"role\":\"auditor\"}");
        assertTrue(
                role.body().contains("\"role\":\"auditor\"") && role.body().contains("\"cameras\":[\"cam\"]"),
                role.body());
        assertEquals(200, vigil.send("GET", "/api/audit", null, rita).statusCode(), "the password is kept too");
        HttpResponse<String> replaced = vigil.send("PUT", "/api/users/rita", "{\"cameras\":[\"other\"]}");
        assertTrue(
                replaced.body().contains("\"cameras\":[\"other\"]")
                        && replaced.body().contains("\"role\":\"auditor\""),
                replaced.body());
        HttpResponse<String> none = vigil.send("PUT", "/api/users/rita", "{\"cameras\":[]}");
        assertEquals(200, none.statusCode(), none.body());
        assertEquals(403, vigil.send("GET", "/api/cameras/cam", null, rita).statusCode(), "[]: no camera at all");
        HttpResponse<String> every = vigil.send("PUT", "/api/users/rita", "{\"cameras\":null}");
        assertEquals(200, every.statusCode(), every.body());
        assertFalse(every.body().contains("\"cameras\""), "null: no allow-list: " + every.body());
        assertEquals(200, vigil.send("GET", "/api/cameras/other", null, rita).statusCode());

        for (String bad : List.of(
                "{\"cameras\":\"cam\"}",
                "{\"cameras\":[1]}",
                "{\"role\":5}",
                "{\"role\":\"boss\"}",
                "{\"password\":\"short\"}",
                "[]",
                "\"rita\"",
                "{\"username\":\"someone-else\"}")) {
            badInputsTried++;
            HttpResponse<String> r = vigil.send("PUT", "/api/users/rita", bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertTrue(r.body().contains("\"error\":\"VALIDATION_FAILED\""), r.body());
        }
        HttpResponse<String> after = vigil.send("GET", "/api/users/rita", null);
        assertTrue(
                after.body().contains("\"role\":\"auditor\"") && !after.body().contains("\"cameras\""),
                "nothing changed: " + after.body());
    }

    // item 3: times at the Instant limits, on every route that takes a time, and their audit rows
    @Test
    void badTimesGet400NamingTheFieldAndLeaveTheirAuditRow() throws Exception {
        String[][] routes = {
            // path with BAD in place of the time, the field named, the audit action (null: a route not audited)
            {"GET", "/api/cameras/cam/playlist.m3u8?start=BAD&end=" + GOOD_END, "start", "PLAYBACK"},
            {"GET", "/api/cameras/cam/playlist.m3u8?start=" + GOOD_START + "&end=BAD", "end", "PLAYBACK"},
            {"GET", "/api/cameras/cam/playlist.m3u8?start=BAD", "start", "PLAYBACK"},
            {"GET", "/api/cameras/cam/timeline?start=BAD&end=" + GOOD_END, "start", null},
            {"GET", "/api/cameras/cam/timeline?start=" + GOOD_START + "&end=BAD", "end", null},
            {"GET", "/api/cameras/cam/activity?start=BAD&end=" + GOOD_END, "start", null},
            {"GET", "/api/cameras/cam/activity?start=" + GOOD_START + "&end=BAD", "end", null},
            {"GET", "/api/cameras/cam/clip.mp4?start=BAD&end=" + GOOD_END, "start", "CLIP_EXPORT"},
            {"GET", "/api/cameras/cam/clip.mp4?start=" + GOOD_START + "&end=BAD", "end", "CLIP_EXPORT"},
            {"GET", "/api/cameras/cam/clip.manifest?start=BAD&end=" + GOOD_END, "start", "CLIP_EXPORT"},
            {"GET", "/api/cameras/cam/snapshot.jpg?at=BAD", "at", "SNAPSHOT"},
            {"GET", "/api/cameras/cam/snapshot.jpg?width=BAD", "width", "SNAPSHOT"},
            {"GET", "/api/cameras/cam/verify?start=BAD&end=" + GOOD_END, "start", "VERIFY"},
            {"GET", "/api/cameras/cam/verify?start=" + GOOD_START + "&end=BAD", "end", "VERIFY"},
            {"POST", "/api/holds", "start", "HOLD_CREATE"},
            {"POST", "/api/holds", "end", "HOLD_CREATE"},
            {"POST", "/api/shares", "start", "SHARE_CREATE"},
            {"POST", "/api/shares", "end", "SHARE_CREATE"},
            {"GET", "/api/audit?from=BAD", "from", null},
            {"GET", "/api/audit?to=BAD", "to", null},
        };
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes) {
            for (String bad : BAD_TIMES) {
                badInputsTried++;
                String encoded = URLEncoder.encode(bad, StandardCharsets.UTF_8);
                String path = route[1].replace("BAD", encoded);
                String body = null;
                if (route[0].equals("POST")) {
                    String start = route[2].equals("start") ? json(bad) : "\"" + GOOD_START + "\"";
                    String end = route[2].equals("end") ? json(bad) : "\"" + GOOD_END + "\"";
                    body = "{\"cameraId\":\"cam\",\"start\":" + start + ",\"end\":" + end + ",\"reason\":\"case 9\"}";
                }
                long before = rows(route[3], null);
                HttpResponse<String> r = vigil.send(route[0], path, body);
                String what = route[0] + " " + route[1] + " with " + route[2] + "=" + printable(bad) + " -> "
                        + r.statusCode() + " " + r.body();
                if (r.statusCode() != 400
                        || !r.body().contains("\"error\":\"VALIDATION_FAILED\"")
                        || !r.body().contains("\"fields\":{\"" + route[2] + "\":")) {
                    wrong.add(what);
                }
                if (route[3] != null && rows(route[3], null) != before + 1) {
                    wrong.add("no audit row: " + what);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong:\n" + String.join("\n", wrong));
        AuditEvent last = latest(AuditAction.PLAYBACK, "admin");
        assertEquals("FAILED", last.outcome());
        assertEquals(400, last.httpStatus());
    }

    @Test
    void refusedRequestsWithBadTimesLeaveTheirDeniedRow() throws Exception {
        String viewer = TestAdmin.basic("viewer", PW);
        List<String> wrong = new ArrayList<>();
        for (String bad : BAD_TIMES) {
            badInputsTried++;
            String encoded = URLEncoder.encode(bad, StandardCharsets.UTF_8);
            for (String path : List.of(
                    "/api/cameras/cam/playlist.m3u8?start=" + encoded + "&end=" + encoded,
                    "/api/cameras/cam/clip.mp4?start=" + encoded + "&end=" + GOOD_END,
                    "/api/cameras/cam/snapshot.jpg?at=" + encoded)) {
                long before = rows(null, "viewer");
                HttpResponse<String> r = vigil.send("GET", path, null, viewer);
                if (r.statusCode() != 403
                        || !r.body().contains("\"error\":\"FORBIDDEN\"")
                        || rows(null, "viewer") != before + 1) {
                    wrong.add(printable(path) + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        AuditEvent last = latest(AuditAction.SNAPSHOT, "viewer");
        assertEquals("DENIED", last.outcome());
        assertEquals(null, last.rangeStart(), "a time out of bounds is not recorded as a range");
    }

    // item 4: /verify is capped
    @Test
    void verifyIsCappedAtItsMaximumRange() throws Exception {
        HttpResponse<String> day =
                vigil.send("GET", "/api/cameras/cam/verify?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z", null);
        assertEquals(200, day.statusCode(), "24 h exactly: " + day.body());
        HttpResponse<String> longer = vigil.send(
                "GET", "/api/cameras/cam/verify?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00.001Z", null);
        assertEquals(400, longer.statusCode(), longer.body());
        assertTrue(
                longer.body().contains("\"error\":\"INVALID_RANGE\"")
                        && longer.body().contains("vigil.playback.max-verify-range"),
                longer.body());
        HttpResponse<String> archive =
                vigil.send("GET", "/api/cameras/cam/verify?start=1970-01-01T00:00:00Z&end=9999-12-31T00:00:00Z", null);
        assertEquals(400, archive.statusCode(), archive.body());
        badInputsTried += 2;
    }

    // item 5: cross-site requests may not change anything
    @Test
    void crossSiteChangesAreRefusedAndAuditedWhileOtherClientsGoOn() throws Exception {
        String admin = TestAdmin.basic();
        String self = "http://" + SITE_HOST + ":" + port();
        String hold = "{\"cameraId\":\"cam\",\"start\":\"" + GOOD_START + "\",\"end\":\"" + GOOD_END
                + "\",\"reason\":\"xs\"}";
        long holds = count(vigil.send("GET", "/api/holds", null).body(), "\"reason\":\"xs\"");
        long runs = count(vigil.send("GET", "/api/retention/runs", null).body(), "\"id\":");
        String[][] forged = {
            {"POST", "/api/holds", hold, "Sec-Fetch-Site", "cross-site"},
            {"POST", "/api/holds", hold, "Sec-Fetch-Site", "same-site"},
            {"POST", "/api/holds", hold, "Origin", "http://evil.example"},
            {"POST", "/api/holds", hold, "Origin", "null"},
            {"POST", "/api/holds", hold, "Origin", "http://" + SITE_HOST + ":" + (port() + 1)},
            {"POST", "/api/retention/runs", null, "Sec-Fetch-Site", "cross-site"},
            {"POST", "/api/retention/runs", null, "Origin", "https://evil.example"},
            {"DELETE", "/api/users/viewer", null, "Sec-Fetch-Site", "cross-site"},
            {"PUT", "/api/users/viewer", "{\"role\":\"admin\"}", "Origin", "http://evil.example"},
            {"PATCH", "/api/users/viewer", "{\"role\":\"admin\"}", "Sec-Fetch-Site", "cross-site"},
            {"POST", "/login", "{\"username\":\"viewer\",\"password\":\"" + PW + "\"}", "Sec-Fetch-Site", "cross-site"},
        };
        for (String[] f : forged) {
            badInputsTried++;
            long before = rows("CROSS_SITE", null);
            String path = f[1] + "?attempt=" + badInputsTried; // the very same refusal repeated is one row
            String[] r = f[1].equals("/login")
                    ? raw(f[0], path, f[2], f[3], f[4])
                    : raw(f[0], path, f[2], "Authorization", admin, f[3], f[4]);
            String what = String.join(" ", f) + " -> " + r[0] + " " + r[1];
            assertEquals("403", r[0], what);
            assertTrue(r[1].contains("\"error\":\"CROSS_SITE_REQUEST\""), what);
            if (!f[0].equals("PATCH")) { // no route: refused all the same, but only routes are audited
                assertEquals(before + 1, rows("CROSS_SITE", null), "audited: " + what);
            }
        }
        assertEquals(
                holds, count(vigil.send("GET", "/api/holds", null).body(), "\"reason\":\"xs\""), "no hold was made");
        assertEquals(runs, count(vigil.send("GET", "/api/retention/runs", null).body(), "\"id\":"), "no retention run");
        assertTrue(
                vigil.send("GET", "/api/users/viewer", null).body().contains("\"role\":\"viewer\""),
                "the viewer is unchanged");
        AuditEvent row = latest(AuditAction.CROSS_SITE, null);
        assertEquals(403, row.httpStatus());
        assertTrue(
                row.detail().contains("POST /login") && row.detail().contains("Sec-Fetch-Site: cross-site"),
                row.detail());

        assertEquals(
                "201",
                raw(
                        "POST",
                        "/api/holds",
                        hold,
                        "Authorization",
                        admin,
                        "Sec-Fetch-Site",
                        "same-origin",
                        "Origin",
                        self)[0],
                "the console's own requests");
        assertEquals(
                "201",
                raw("POST", "/api/holds", hold, "Authorization", admin, "Origin", self)[0],
                "an older browser, same origin");
        assertEquals(
                "201",
                raw("POST", "/api/holds", hold, "Authorization", admin, "Sec-Fetch-Site", "none")[0],
                "typed by the user");
        assertEquals(
                "201", raw("POST", "/api/holds", hold, "Authorization", admin)[0], "curl and scripts send neither");
        assertEquals(
                "200",
                raw("GET", "/api/holds", null, "Authorization", admin, "Sec-Fetch-Site", "cross-site")[0],
                "reading is not changing");
    }

    // item 6: /api/cluster under an allow-list
    @Test
    void theClusterListShowsOnlyTheCallersCameras() throws Exception {
        HttpResponse<String> all = vigil.send("GET", "/api/cluster", null);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(
                all.body().contains("\"cam\"") && all.body().contains("\"other\""),
                "an admin sees every camera: " + all.body());
        HttpResponse<String> fitter = vigil.send("GET", "/api/cluster", null, TestAdmin.basic("fitter", PW));
        assertEquals(200, fitter.statusCode(), fitter.body());
        assertTrue(fitter.body().contains("\"cam\""), fitter.body());
        assertFalse(fitter.body().contains("\"other\""), "an installer allowed camera cam only: " + fitter.body());
    }

    // item 7: a share link dies with its creator
    @Test
    void aRecreatedUserDoesNotReviveOldShareLinks() throws Exception {
        createUser("sam", "auditor", null);
        HttpResponse<String> created = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"cam\",\"start\":\"" + GOOD_START + "\",\"end\":\"" + GOOD_END + "\"}",
                TestAdmin.basic("sam", PW));
        assertEquals(201, created.statusCode(), created.body());
        String url = field(created.body(), "playlistUrl");
        String id = field(created.body(), "id");
        assertEquals(200, vigil.send("GET", url, null, null).statusCode(), "the link works");
        assertEquals(204, vigil.send("DELETE", "/api/users/sam", null).statusCode());
        assertEquals(403, vigil.send("GET", url, null, null).statusCode(), "its creator is gone");
        createUser("sam", "auditor", null);
        HttpResponse<String> again = vigil.send("GET", url, null, null);
        assertEquals(403, again.statusCode(), "a new sam is someone else: " + again.body());
        HttpResponse<String> share = vigil.send("GET", "/api/shares", null);
        Matcher m = Pattern.compile("\\{[^{}]*\"id\":\"" + id + "\"[^{}]*}").matcher(share.body());
        assertTrue(m.find(), share.body());
        assertTrue(m.group().contains("\"revokedBy\":\"admin\""), "revoked when sam was deleted: " + m.group());
        // even a link whose revocation was lost (made by an older Vigil) stays dead: it predates the new sam
        vigil.context
                .getBean(Database.class)
                .update("UPDATE share_link SET revoked_millis = NULL, revoked_by = NULL WHERE id = ?", id);
        assertEquals(403, vigil.send("GET", url, null, null).statusCode());
    }

    // item 8: /health details to admins only
    @Test
    void healthDetailsAreForAdminsOnly() throws Exception {
        try {
            for (boolean down : new boolean[] {false, true}) {
                HealthSwitch.DOWN.set(down);
                for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
                    HttpResponse<String> admin = vigil.send("GET", path, null);
                    assertTrue(admin.body().contains("\"details\""), "an admin sees the details: " + admin.body());
                    boolean readiness =
                            !path.equals("/health/liveness"); // the liveness probe asks no indicator of ours
                    String status = down && readiness ? "DOWN" : "UP";
                    assertEquals(down && readiness ? 503 : 200, admin.statusCode(), path + " " + admin.body());
                    for (String who :
                            new String[] {null, TestAdmin.basic("viewer", PW), TestAdmin.basic("auditor", PW)}) {
                        HttpResponse<String> r = vigil.send("GET", path, null, who);
                        assertEquals(admin.statusCode(), r.statusCode(), path);
                        assertEquals("{\"status\":\"" + status + "\"}", r.body(), path + " as " + who);
                    }
                }
            }
        } finally {
            HealthSwitch.DOWN.set(false);
        }
    }

    // item 9: the empty audit page, and over-long URLs and headers
    @Test
    void anEmptyAuditPageAndOversizedRequestsAnswerProperJson() throws Exception {
        HttpResponse<String> empty = vigil.send("GET", "/api/audit?user=nobody-at-all", null);
        assertEquals(200, empty.statusCode());
        assertEquals("{\"events\":[],\"next\":null}", empty.body());
        HttpResponse<String> first = vigil.send("GET", "/api/audit?user=admin&limit=1", null);
        String next = find(first.body(), "\"next\":(\\d+)");
        HttpResponse<String> last = vigil.send("GET", "/api/audit?user=admin&limit=10000&after=" + next, null);
        assertTrue(last.body().endsWith(",\"next\":null}") && last.body().startsWith("{\"events\":[{"), last.body());

        badInputsTried += 2;
        HttpResponse<String> longUrl =
                call("GET", "/api/cameras?x=" + "a".repeat(10_000), null, "Authorization", TestAdmin.basic());
        assertEquals(414, longUrl.statusCode(), longUrl.body());
        assertTrue(longUrl.body().contains("\"error\":\"URI_TOO_LONG\""), longUrl.body());
        HttpResponse<String> bigHeader =
                call("GET", "/api/cameras", null, "Authorization", TestAdmin.basic(), "X-Padding", "b".repeat(20_000));
        assertEquals(431, bigHeader.statusCode(), bigHeader.body());
        assertTrue(bigHeader.body().contains("\"error\":\"HEADERS_TOO_LARGE\""), bigHeader.body());
        HttpResponse<String> bigBody =
                vigil.send("POST", "/api/holds", "{\"reason\":\"" + "c".repeat(2_000_000) + "\"}");
        assertEquals(413, bigBody.statusCode(), bigBody.body());
        assertTrue(bigBody.body().contains("\"error\":\"PAYLOAD_TOO_LARGE\""), bigBody.body());
        badInputsTried++;
        assertEquals(200, vigil.send("GET", "/api/cameras", null).statusCode(), "the server goes on");
    }

    // item 10: a 401 challenge is not a refusal; every refused footage request leaves its row
    @Test
    void challengesLeaveNoRowButRefusalsOfCredentialsAndLinksDo() throws Exception {
        String clip = "/api/cameras/cam/clip.mp4?start=" + GOOD_START + "&end=" + GOOD_END;
        long anonymous = anonymousRows();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> challenge = call("GET", clip + "&n=" + i, null, "X-Forwarded-For", "10.3.0." + i);
            assertEquals(401, challenge.statusCode());
            assertTrue(
                    challenge
                            .headers()
                            .firstValue("WWW-Authenticate")
                            .orElse("")
                            .startsWith("Basic"),
                    challenge.headers().map().toString());
        }
        assertEquals(
                anonymous,
                anonymousRows(),
                "a player's first request, without credentials, is a challenge, not a refusal");
        long clips = rows("CLIP_EXPORT", null);
        HttpResponse<String> wrong = call(
                "GET",
                clip,
                null,
                "Authorization",
                TestAdmin.basic("auditor", "wrong-pass-123"),
                "X-Forwarded-For",
                "10.3.1.1");
        assertEquals(401, wrong.statusCode());
        assertEquals(clips + 1, rows("CLIP_EXPORT", null), "wrong credentials are a refusal");
        assertEquals("DENIED", latest(AuditAction.CLIP_EXPORT, null).outcome());

        HttpResponse<String> created = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"cam\",\"start\":\"" + GOOD_START + "\",\"end\":\"" + GOOD_END + "\"}",
                TestAdmin.basic("auditor", PW));
        String url = field(created.body(), "playlistUrl");
        String id = field(created.body(), "id");
        String who = "share:" + id;
        List<String> refused = List.of(
                url.replace("end=" + GOOD_END, "end=2026-01-01T00:20:00Z"),
                url.replace("/cam/", "/other/"),
                url.replace("start=" + GOOD_START, "start=2025-12-31T00:00:00Z"),
                url.replace("/playlist.m3u8", "/clip.mp4").replace("/cam/", "/other/"));
        for (int i = 0; i < refused.size(); i++) {
            badInputsTried++;
            long before = rows(null, who);
            HttpResponse<String> r = vigil.send("GET", refused.get(i), null, null);
            assertEquals(403, r.statusCode(), refused.get(i));
            assertEquals(
                    before + 1, rows(null, who), "every refused footage request leaves its row: " + refused.get(i));
        }
        AuditEvent other = latest(AuditAction.SHARE_USE, who);
        assertEquals("other", other.cameraId());
        assertEquals("DENIED", other.outcome());
        long before = rows(null, who);
        assertEquals(403, vigil.send("GET", refused.get(1), null, null).statusCode());
        assertEquals(before, rows(null, who), "the very same refused request repeated at once: one row");
    }

    private void createUser(String name, String role, String camera) throws Exception {
        HttpResponse<String> r = vigil.send(
                "POST",
                "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + PW + "\",\"role\":\"" + role + "\""
                        + (camera == null ? "" : ",\"cameras\":[\"" + camera + "\"]") + "}");
        assertEquals(201, r.statusCode(), r.body());
    }

    /**
     * A request written by hand on a socket, as a browser on the site network sends it: {@code Host} is the name the
     * site reaches Vigil by (not loopback), and these headers (name, value, ...) are sent exactly. Answers the
     * status and the rest of the answer.
     */
    // an IPv4 loopback literal: nothing to resolve
    @SuppressWarnings("AddressSelection")
    private String[] raw(String method, String path, String json, String... headers) throws Exception {
        StringBuilder request = new StringBuilder(
                method + " " + path + " HTTP/1.1\r\nHost: " + SITE_HOST + ":" + port() + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            request.append("Content-Type: application/json\r\n");
        }
        request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            vigil.responses.add(answer);
            return new String[] {answer.split(" ", 3)[1], answer};
        }
    }

    private int port() {
        return URI.create(vigil.base).getPort();
    }

    /** A request with exactly these headers (name, value, ...). */
    private HttpResponse<String> call(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(vigil.base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b = json == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        vigil.responses.add(response.body());
        return response;
    }

    /** Audit rows of this action (any when null) and user (any when null). */
    private long rows(String action, String user) {
        return audit.find(new AuditQuery(
                        null,
                        null,
                        user,
                        null,
                        action == null ? null : AuditAction.valueOf(action),
                        null,
                        0,
                        AuditQuery.MAX_LIMIT,
                        false))
                .size();
    }

    private long anonymousRows() {
        return audit.find(new AuditQuery(null, null, null, null, null, null, 0, AuditQuery.MAX_LIMIT, false)).stream()
                .filter(e -> e.username() == null)
                .count();
    }

    private AuditEvent latest(AuditAction action, String user) {
        List<AuditEvent> events =
                audit.find(new AuditQuery(null, null, user, null, action, null, 0, AuditQuery.MAX_LIMIT, false));
        assertFalse(events.isEmpty(), "no " + action + " row of " + user);
        return events.get(events.size() - 1);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(
                    c < 0x20
                            ? String.format("\\u%04x", (int) c)
                            : c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
        }
        return out.append('"').toString();
    }

    private static String printable(String text) {
        String shown = text.replace("\u0000", "\\0");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }

    private static String field(String body, String name) {
        String value = VigilHarness.field(body, name);
        assertTrue(value != null && !value.isEmpty(), name + " in " + body);
        return value;
    }

    private static String find(String text, String regex) {
        return Pattern.compile(regex)
                .matcher(text)
                .results()
                .findFirst()
                .map(m -> m.group(1))
                .orElseThrow(() -> new AssertionError(regex + " in " + text));
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }
}
