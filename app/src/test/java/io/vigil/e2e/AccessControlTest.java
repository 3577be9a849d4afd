package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.web.router.Router;
import io.vigil.access.rule.AccessRule;
import io.vigil.access.rule.RouteRules;
import io.vigil.access.user.PasswordHasher;
import io.vigil.access.user.Users;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call what, on the running service: every route for every role (the matrix below is written out by
 * hand, from the issue, not derived from the code under test), sign-in with Basic and bearer tokens, refresh,
 * expiry, wrong passwords and their throttle, camera allow-lists, user management and its limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    private static final String PW = "role-pass-123";
    private static final List<String> ROLES = List.of("anonymous", "viewer", "auditor", "installer", "admin");

    /** Route to the roles that may use it; everyone else gets 401 (anonymous) or 403. */
    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        String all = "anonymous viewer auditor installer admin";
        MATRIX.put("GET /health", all);
        MATRIX.put("GET /health/{selector}", all);
        MATRIX.put("GET /openapi.yml", all);
        MATRIX.put("GET /api/keys/export-signing", all);
        MATRIX.put("POST /login", all);
        MATRIX.put("POST /login/refresh", all);
        MATRIX.put("POST /logout", all);
        MATRIX.put("GET /metrics", "admin");
        MATRIX.put("GET /api/cameras", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}", "viewer auditor installer admin");
        MATRIX.put("POST /api/cameras", "installer admin");
        MATRIX.put("PUT /api/cameras/{id}", "installer admin");
        MATRIX.put("DELETE /api/cameras/{id}", "installer admin");
        MATRIX.put("GET /api/storage", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/live.m3u8", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/master.m3u8", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/live/{name}", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/live/init/{name}", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/live.mpd", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/segments/{sequence}.m4s", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/init/{name}", "viewer auditor installer admin");
        MATRIX.put("GET /api/cameras/{id}/timeline", "viewer auditor admin");
        MATRIX.put("GET /api/cameras/{id}/activity", "viewer auditor admin");
        MATRIX.put("GET /api/cameras/{id}/playlist.m3u8", "auditor admin");
        MATRIX.put("GET /api/cameras/{id}/manifest.mpd", "auditor admin");
        MATRIX.put("GET /api/cameras/{id}/clip.mp4", "auditor admin");
        MATRIX.put("GET /api/cameras/{id}/clip.manifest", "auditor admin");
        MATRIX.put("GET /api/cameras/{id}/snapshot.jpg", "auditor admin");
        MATRIX.put("GET /api/cameras/{id}/verify", "auditor admin");
        MATRIX.put("POST /api/holds", "auditor admin");
        MATRIX.put("GET /api/holds", "auditor admin");
        MATRIX.put("GET /api/holds/{id}", "auditor admin");
        MATRIX.put("DELETE /api/holds/{id}", "auditor admin");
        MATRIX.put("POST /api/shares", "auditor admin");
        MATRIX.put("GET /api/shares", "auditor admin");
        MATRIX.put("DELETE /api/shares/{id}", "auditor admin");
        MATRIX.put("GET /api/audit", "auditor admin");
        MATRIX.put("POST /api/events", "auditor admin");
        MATRIX.put("GET /api/events", "viewer auditor admin");
        MATRIX.put("GET /api/events/{id}", "viewer auditor admin");
        MATRIX.put("DELETE /api/events/{id}", "auditor admin");
        MATRIX.put("POST /api/incidents", "auditor admin");
        MATRIX.put("GET /api/incidents", "auditor admin");
        MATRIX.put("GET /api/incidents/{id}", "auditor admin");
        MATRIX.put("POST /api/incidents/{id}/close", "auditor admin");
        MATRIX.put("GET /api/incidents/{id}/package.zip", "auditor admin");
        MATRIX.put("POST /api/tokens", "admin");
        MATRIX.put("GET /api/tokens", "admin");
        MATRIX.put("DELETE /api/tokens/{id}", "admin");
        MATRIX.put("GET /api/retention/preview", "auditor admin");
        MATRIX.put("GET /api/retention/runs", "auditor admin");
        MATRIX.put("POST /api/retention/runs", "admin");
        MATRIX.put("GET /api/cluster", "installer admin");
        MATRIX.put("GET /api/alerts", "auditor installer admin");
        MATRIX.put("GET /api/alerts/{id}", "auditor installer admin");
        MATRIX.put("GET /api/alerts/settings", "auditor installer admin");
        MATRIX.put("POST /api/alerts/test", "admin");
        MATRIX.put("POST /api/alerts/rules", "admin");
        MATRIX.put("DELETE /api/alerts/rules/{name}", "admin");
        MATRIX.put("POST /api/alerts/targets", "admin");
        MATRIX.put("DELETE /api/alerts/targets/{name}", "admin");
        MATRIX.put("GET /api/archive/check", "admin");
        MATRIX.put("GET /api/users", "admin");
        MATRIX.put("POST /api/users", "admin");
        MATRIX.put("GET /api/users/{username}", "admin");
        MATRIX.put("PUT /api/users/{username}", "admin");
        MATRIX.put("DELETE /api/users/{username}", "admin");
    }

    private Path work;
    private VigilHarness vigil;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("vigil-access");
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work,
                Map.of(
                        "vigil.security.metrics-token",
                        "scrape-token-0123456789",
                        "vigil.security.users.dave.role",
                        "viewer",
                        "vigil.security.users.dave.password",
                        "dave-from-config",
                        "vigil.security.users.erin.role",
                        "auditor",
                        "vigil.security.users.erin.password-hash",
                        new PasswordHasher(4).hash("erin-from-hash"),
                        "vigil.security.users.erin.cameras",
                        List.of("cam")));
        for (String role : List.of("viewer", "auditor", "installer")) {
            create(role, role, null);
        }
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"cam\",\"url\":\"rtsp://127.0.0.1:9/x\",\"enabled\":false}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"other\",\"url\":\"rtsp://127.0.0.1:9/y\",\"enabled\":false}")
                        .statusCode());
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            for (String secret : List.of(PW, TestAdmin.PASSWORD, "another-pass-1", "dave-from-config")) {
                vigil.assertNeverShown(secret);
            }
            vigil.close();
        }
    }

    @Test
    void everyRouteHasARuleAndTheMatrixCoversIt() {
        Set<String> served = vigil.context
                .getBean(Router.class)
                .uriRoutes()
                .map(r -> r.getHttpMethod().name() + " "
                        + r.getUriMatchTemplate().toPathString().replaceAll("\\{/[^}]*}", ""))
                .filter(r -> !r.startsWith("HEAD ") && !r.startsWith("OPTIONS "))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, new TreeSet<>(RouteRules.all().keySet()), "RouteRules and the router differ");
        assertEquals(served, new TreeSet<>(MATRIX.keySet()), "the test's matrix and the router differ");
    }

    @Test
    void eachRoleGetsExactlyTheAllowedStatuses() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> route : MATRIX.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String path = concrete(method, route.getKey().substring(method.length() + 1));
            Set<String> allowed = Set.of(route.getValue().split(" "));
            for (String role : ROLES) {
                HttpResponse<String> r = vigil.send(method, path, body(method, path), authorization(role));
                int status = r.statusCode();
                boolean ok = allowed.contains(role)
                        ? status != 401 && status != 403 && status < 500
                        : status == (role.equals("anonymous") ? 401 : 403)
                                && r.body()
                                        .contains(
                                                role.equals("anonymous")
                                                        ? "\"error\":\"UNAUTHENTICATED\""
                                                        : "\"error\":\"FORBIDDEN\"");
                if (!ok) {
                    wrong.add(role + " " + method + " " + path + " -> " + status + " "
                            + r.body().lines().findFirst().orElse(""));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        HttpResponse<String> anonymous = vigil.send("GET", "/api/cameras", null, null);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Vigil\""));
        assertEquals(
                200,
                vigil.send("GET", "/metrics", null, "Bearer scrape-token-0123456789")
                        .statusCode());
        assertEquals(
                401,
                vigil.send("GET", "/metrics", null, "Bearer scrape-token-wrong-000000")
                        .statusCode());
    }

    @Test
    void bearerTokensFromLoginRefreshAndEnd() throws Exception {
        HttpResponse<String> login =
                vigil.send("POST", "/login", "{\"username\":\"viewer\",\"password\":\"" + PW + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String access = field(login.body(), "access_token");
        String refresh = field(login.body(), "refresh_token");
        assertTrue(
                login.body().contains("\"token_type\":\"Bearer\"")
                        && login.body().contains("\"role\":\"viewer\""),
                login.body());
        assertEquals(
                200, vigil.send("GET", "/api/cameras", null, "Bearer " + access).statusCode());
        assertEquals(
                403, vigil.send("GET", "/api/users", null, "Bearer " + access).statusCode());
        assertEquals(
                401,
                vigil.send("GET", "/api/cameras", null, "Bearer " + access.substring(0, access.length() - 3) + "xyz")
                        .statusCode());
        assertTrue(access.startsWith(b64("{\"alg\":\"HS256\"")), "signed HS256: " + access);
        String payload = access.split("\\.")[1];
        String unsigned = b64("{\"alg\":\"none\"}") + "." + payload + ".";
        assertEquals(
                401,
                vigil.send("GET", "/api/cameras", null, "Bearer " + unsigned).statusCode(),
                "an alg:none token is refused");
        String forged = b64("{\"alg\":\"HS256\"}") + "."
                + b64(new String(
                                java.util.Base64.getUrlDecoder().decode(payload),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"viewer\"", "\"admin\""))
                + "." + access.split("\\.")[2];
        assertEquals(
                401,
                vigil.send("GET", "/api/users", null, "Bearer " + forged).statusCode(),
                "a changed claim breaks the signature");

        HttpResponse<String> renewed =
                vigil.send("POST", "/login/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null);
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras", null, "Bearer " + field(renewed.body(), "access_token"))
                        .statusCode());
        HttpResponse<String> again =
                vigil.send("POST", "/login/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null);
        assertEquals(401, again.statusCode(), "a refresh token works once: " + again.body());
        String next = field(renewed.body(), "refresh_token");
        assertEquals(
                204,
                vigil.send("POST", "/logout", "{\"refresh_token\":\"" + next + "\"}", null)
                        .statusCode());
        assertEquals(
                401,
                vigil.send("POST", "/login/refresh", "{\"refresh_token\":\"" + next + "\"}", null)
                        .statusCode());
    }

    @Test
    void theMediaCookieOpensFootageRoutesOnly() throws Exception {
        HttpResponse<String> login =
                vigil.send("POST", "/login", "{\"username\":\"auditor\",\"password\":\"" + PW + "\"}", null);
        String setCookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(
                setCookie.startsWith("vigil_media=")
                        && setCookie.toLowerCase(Locale.ROOT).contains("httponly")
                        && setCookie.contains("SameSite=Strict")
                        && setCookie.contains("Path=/api/cameras"),
                setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        int live = vigil.sendWithHeader("GET", "/api/cameras/cam/live.m3u8", "Cookie", cookie)
                .statusCode();
        assertTrue(live != 401 && live != 403, "a player without headers (Safari) plays with the cookie: " + live);
        int history = vigil.sendWithHeader(
                        "GET",
                        "/api/cameras/cam/playlist.m3u8?start=2026-01-01T00:00:00Z&end=2026-01-01T00:10:00Z",
                        "Cookie",
                        cookie)
                .statusCode();
        assertTrue(history != 401 && history != 403, "history playlist with the cookie: " + history);
        assertEquals(
                403,
                vigil.sendWithHeader("GET", "/api/cameras/cam", "Cookie", cookie)
                        .statusCode(),
                "not the API");
        assertEquals(
                401,
                vigil.sendWithHeader("DELETE", "/api/cameras/nocam", "Cookie", cookie)
                        .statusCode(),
                "never a change");
        assertEquals(
                401,
                vigil.sendWithHeader("GET", "/api/audit", "Cookie", cookie).statusCode(),
                "not outside /api/cameras");
        HttpResponse<String> out = vigil.send(
                "POST", "/logout", "{\"refresh_token\":\"" + field(login.body(), "refresh_token") + "\"}", null);
        assertTrue(
                out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"),
                out.headers().map().toString());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Users users = vigil.context.getBean(Users.class);
        String token = vigil.context
                .getBean(TokenGenerator.class)
                .generateToken(
                        Authentication.build(
                                "viewer",
                                List.of("viewer"),
                                Map.of(AccessRule.PASSWORD_VERSION, AccessRule.passwordVersion(users.get("viewer")))),
                        3)
                .orElseThrow();
        assertEquals(
                200, vigil.send("GET", "/api/cameras", null, "Bearer " + token).statusCode(), "fresh token works");
        // exp is in whole seconds: a 3 s token is good for 2 to 3 s
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = vigil.send("GET", "/api/cameras", null, "Bearer " + token).statusCode();
            Thread.sleep(100);
        }
        assertEquals(401, status, "the token still worked 15 s after its 3 s expiry");
    }

    @Test
    void aNewPasswordEndsTokensAndADeletedUserIsOut() throws Exception {
        create("changer", "viewer", null);
        HttpResponse<String> login =
                vigil.send("POST", "/login", "{\"username\":\"changer\",\"password\":\"" + PW + "\"}", null);
        String access = field(login.body(), "access_token");
        assertEquals(
                200, vigil.send("GET", "/api/cameras", null, "Bearer " + access).statusCode());
        assertEquals(
                200,
                vigil.send("PUT", "/api/users/changer", "{\"role\":\"viewer\",\"password\":\"another-pass-1\"}")
                        .statusCode());
        HttpResponse<String> old = vigil.send("GET", "/api/cameras", null, "Bearer " + access);
        assertEquals(401, old.statusCode(), old.body());
        assertEquals(
                401,
                vigil.send("GET", "/api/cameras", null, TestAdmin.basic("changer", PW))
                        .statusCode());
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras", null, TestAdmin.basic("changer", "another-pass-1"))
                        .statusCode());
        assertEquals(204, vigil.send("DELETE", "/api/users/changer", null).statusCode());
        assertEquals(
                401,
                vigil.send("GET", "/api/cameras", null, TestAdmin.basic("changer", "another-pass-1"))
                        .statusCode());
    }

    @Test
    void wrongPasswordsAreAuditedAndThrottled() throws Exception {
        create("target", "viewer", null);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r =
                    vigil.send("POST", "/login", "{\"username\":\"target\",\"password\":\"guess-" + i + "-xx\"}", null);
            assertEquals(401, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"error\":\"UNAUTHENTICATED\""), r.body());
            assertFalse(r.body().contains("guess-"), "no password in the answer");
        }
        HttpResponse<String> locked =
                vigil.send("POST", "/login", "{\"username\":\"target\",\"password\":\"" + PW + "\"}", null);
        assertEquals(429, locked.statusCode(), "the right password is refused while locked out: " + locked.body());
        assertTrue(locked.body().contains("\"error\":\"TOO_MANY_ATTEMPTS\""), locked.body());
        assertTrue(
                Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 0,
                locked.headers().map().toString());
        HttpResponse<String> basic = vigil.send("GET", "/api/cameras", null, TestAdmin.basic("target", PW));
        assertEquals(429, basic.statusCode(), "HTTP Basic is locked out too: " + basic.body());
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras", null, TestAdmin.basic("viewer", PW))
                        .statusCode(),
                "other users from the same address still sign in");
        HttpResponse<String> audit = vigil.send("GET", "/api/audit?action=LOGIN_FAILED&user=target", null);
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(7, count(audit.body(), "\"action\":\"LOGIN_FAILED\""), audit.body());
        assertFalse(audit.body().contains("guess-"), audit.body());
    }

    @Test
    void aCameraAllowListHidesOtherCameras() throws Exception {
        create("lobbywatch", "auditor", List.of("cam"));
        String auth = TestAdmin.basic("lobbywatch", PW);
        HttpResponse<String> list = vigil.send("GET", "/api/cameras", null, auth);
        assertTrue(list.body().contains("\"id\":\"cam\"") && !list.body().contains("\"id\":\"other\""), list.body());
        assertEquals(200, vigil.send("GET", "/api/cameras/cam", null, auth).statusCode());
        assertEquals(403, vigil.send("GET", "/api/cameras/other", null, auth).statusCode());
        assertEquals(
                403,
                vigil.send(
                                "GET",
                                "/api/cameras/other/timeline?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z",
                                null,
                                auth)
                        .statusCode());
        HttpResponse<String> hold = vigil.send(
                "POST",
                "/api/holds",
                "{\"cameraId\":\"other\",\"start\":\"2026-01-01T00:00:00Z\","
                        + "\"end\":\"2026-01-01T01:00:00Z\",\"reason\":\"case 7\"}",
                auth);
        assertEquals(403, hold.statusCode(), hold.body());
    }

    @Test
    void usersFromConfigurationSignIn() throws Exception {
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras", null, TestAdmin.basic("dave", "dave-from-config"))
                        .statusCode());
        assertEquals(
                403,
                vigil.send("GET", "/api/audit", null, TestAdmin.basic("dave", "dave-from-config"))
                        .statusCode());
        HttpResponse<String> erin = vigil.send("GET", "/api/users/erin", null);
        assertTrue(
                erin.body().contains("\"role\":\"auditor\"")
                        && erin.body().contains("\"cameras\":[\"cam\"]")
                        && erin.body().contains("\"managedBy\":\"config\""),
                erin.body());
        assertEquals(
                200,
                vigil.send("GET", "/api/audit", null, TestAdmin.basic("erin", "erin-from-hash"))
                        .statusCode());
        assertEquals(
                403,
                vigil.send("GET", "/api/cameras/other", null, TestAdmin.basic("erin", "erin-from-hash"))
                        .statusCode());
    }

    @Test
    void userManagementValidatesAndKeepsAnAdmin() throws Exception {
        HttpResponse<String> bad = vigil.send(
                "POST", "/api/users", "{\"username\":\"Bad Name\",\"password\":\"short\",\"role\":\"boss\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(
                bad.body().contains("\"username\"")
                        && bad.body().contains("\"password\"")
                        && bad.body().contains("\"role\""),
                bad.body());
        assertEquals(
                409,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"viewer\",\"password\":\"" + PW + "\",\"role\":\"viewer\"}")
                        .statusCode());
        HttpResponse<String> last = vigil.send("DELETE", "/api/users/admin", null);
        assertEquals(409, last.statusCode(), last.body());
        assertTrue(last.body().contains("LAST_ADMIN"), last.body());
        HttpResponse<String> users = vigil.send("GET", "/api/users", null);
        assertTrue(
                users.body().contains("\"username\":\"admin\"") && !users.body().contains("$2"),
                "no hashes: " + users.body());
        assertEquals(404, vigil.send("GET", "/api/users/nobody", null).statusCode());
    }

    private void create(String username, String role, List<String> cameras) throws Exception {
        String list = cameras == null
                ? ""
                : ",\"cameras\":[" + cameras.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",")) + "]";
        HttpResponse<String> r = vigil.send(
                "POST",
                "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PW + "\",\"role\":\"" + role + "\"" + list
                        + "}");
        assertEquals(201, r.statusCode(), r.body());
    }

    private static String authorization(String role) {
        return switch (role) {
            case "anonymous" -> null;
            case "admin" -> TestAdmin.basic();
            default -> TestAdmin.basic(role, PW);
        };
    }

    /** A path for the template; changes aim at things that do not exist, so the matrix changes nothing. */
    private static String concrete(String method, String template) {
        String path = template.replace("{id}/segments/{sequence}.m4s", "cam/segments/0.m4s")
                .replace("{name}", "0123456789abcdef0123456789abcdef.mp4")
                .replace("{selector}", "liveness")
                .replace("{username}", "nobody");
        if (path.startsWith("/api/holds/")
                || path.startsWith("/api/shares/")
                || path.startsWith("/api/events/")
                || path.startsWith("/api/incidents/")
                || path.startsWith("/api/tokens/")
                || path.startsWith("/api/alerts/")) {
            path = path.replace("{id}", "00000000-0000-0000-0000-000000000000");
        }
        path = path.replace("/api/cameras/{id}", "/api/cameras/" + (method.equals("GET") ? "cam" : "nocam"));
        if (path.matches(
                "/api/cameras/cam/(timeline|playlist\\.m3u8|manifest\\.mpd|clip\\.mp4|clip\\.manifest|verify)")) {
            path += "?start=2026-01-01T00:00:00Z&end=2026-01-01T00:10:00Z";
        }
        return path;
    }

    /** A body that cannot change anything: invalid (400), or aimed at nothing (404). */
    private static String body(String method, String path) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        if (path.equals("/api/cameras/nocam")) {
            return "{\"url\":\"not a url\"}";
        }
        return "{}";
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String b64(String text) {
        String full = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return text.endsWith("}") ? full : full.substring(0, full.length() - 2);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
