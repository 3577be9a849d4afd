package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Share links and the audit log against real recordings: a link plays its range (playlist, segments, init, clip)
 * with nothing but its URL, and nothing else; an auditor's playback, clip export and hold leave audit rows, which
 * also export as CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareAndAuditTest {

    private static final String AUDITOR_PW = "auditor-pass-77";
    private static final String AUDITOR = TestAdmin.basic("carol", AUDITOR_PW);

    private CameraSimulator cameras;
    private VigilHarness vigil;
    private List<Segment> segments;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-share");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        cameras = new CameraSimulator(Map.of("gate", ExternalTools.clip(clips, false)), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work, Map.of("vigil.security.live-view-gap", "10m", "vigil.security.live-segment-age", "15s"));
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\":\"gate\",\"url\":\"" + cameras.url("gate") + "\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"dock\",\"url\":\"rtsp://127.0.0.1:9/none\",\"enabled\":false}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"carol\",\"password\":\"" + AUDITOR_PW + "\",\"role\":\"auditor\"}")
                        .statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"vic\",\"password\":\"" + AUDITOR_PW + "\",\"role\":\"viewer\"}")
                        .statusCode());
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        vigil.await(
                "gate has 9 segments; camera simulator:\n" + cameras.output(),
                Duration.ofSeconds(90),
                () -> index.count("gate") >= 9);
        segments = index.newest("gate", 1000);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.assertNeverShown(AUDITOR_PW);
            vigil.assertNeverShown(TestAdmin.PASSWORD);
            vigil.close();
        }
        if (cameras != null) {
            cameras.close();
        }
    }

    @Test
    void aShareLinkOpensExactlyItsCameraAndRange() throws Exception {
        Instant from = segments.get(1).start();
        Instant to = segments.get(4).start();
        HttpResponse<String> created = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"gate\",\"start\":\"" + from + "\",\"end\":\"" + to + "\",\"expiresIn\":\"PT1H\"}",
                AUDITOR);
        assertEquals(201, created.statusCode(), created.body());
        String playlistUrl = json(created.body(), "playlistUrl");
        String clipUrl = json(created.body(), "clipUrl");
        String id = json(created.body(), "id");
        // absolute, from the request's scheme and Host (no vigil.http.public-url here): ready to send as it is
        assertTrue(playlistUrl.startsWith(vigil.base + "/api/cameras/gate/playlist.m3u8?"), playlistUrl);
        assertTrue(clipUrl.startsWith(vigil.base + "/api/cameras/gate/clip.mp4?"), clipUrl);

        HttpResponse<String> playlist = vigil.send("GET", playlistUrl, null, null);
        assertEquals(200, playlist.statusCode(), playlist.body());
        List<String> uris =
                playlist.body().lines().filter(l -> l.startsWith("segments/")).toList();
        assertEquals(3, uris.size(), playlist.body());
        assertTrue(uris.stream().allMatch(u -> u.contains("?share=")), "segments carry the link: " + uris);
        String init = find(playlist.body(), "#EXT-X-MAP:URI=\"([^\"]+)\"");
        for (String uri : List.of(uris.get(0), uris.get(2), init)) {
            HttpResponse<byte[]> media = vigil.downloadAs("/api/cameras/gate/" + uri, null);
            assertEquals(200, media.statusCode(), uri);
            assertTrue(media.body().length > 100, uri);
        }
        HttpResponse<byte[]> clip = vigil.downloadAs(clipUrl, null);
        assertEquals(200, clip.statusCode());
        assertEquals("video/mp4", clip.headers().firstValue("Content-Type").orElse(""));

        String token = find(playlistUrl, "share=([^&]+)");
        String outside = "/api/cameras/gate/segments/" + segments.get(7).sequence() + ".m4s?share=" + token;
        assertForbidden(outside, "a segment outside the range");
        assertForbidden(playlistUrl.replace("/gate/", "/dock/"), "another camera");
        assertForbidden(
                playlistUrl.replace("end=" + to, "end=" + segments.get(6).start()), "a longer range");
        assertForbidden(
                playlistUrl.replace("start=" + from, "start=" + segments.get(0).start()), "an earlier start");
        assertForbidden("/api/cameras/gate/snapshot.jpg?share=" + token, "a route links do not open");
        char last = token.charAt(token.length() - 1);
        assertForbidden(
                playlistUrl.replace(token, token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')),
                "a changed token");
        assertEquals(
                401,
                vigil.send("GET", playlistUrl.replaceAll("&share=[^&]+", ""), null, null)
                        .statusCode(),
                "no link, no user");

        assertEquals(
                200, vigil.send("DELETE", "/api/shares/" + id, null, AUDITOR).statusCode());
        assertForbidden(playlistUrl, "a revoked link");
        assertForbidden("/api/cameras/gate/" + uris.get(0), "a revoked link's segment");

        HttpResponse<String> brief = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"gate\",\"start\":\"" + from + "\",\"end\":\"" + to + "\",\"expiresIn\":\"2\"}",
                AUDITOR);
        String briefUrl = json(brief.body(), "playlistUrl");
        assertEquals(200, vigil.send("GET", briefUrl, null, null).statusCode(), "works before expiry");
        vigil.await("the 2 s link to expire", Duration.ofSeconds(10), () -> status(briefUrl) == 403);

        HttpResponse<String> tooLong = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"gate\",\"start\":\"" + from + "\",\"end\":\"" + to + "\",\"expiresIn\":\"P400D\"}",
                AUDITOR);
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        HttpResponse<String> backwards = vigil.send(
                "POST",
                "/api/shares",
                "{\"cameraId\":\"gate\",\"start\":\"" + to + "\",\"end\":\"" + from + "\"}",
                AUDITOR);
        assertEquals(400, backwards.statusCode(), backwards.body());
        assertEquals(
                404,
                vigil.send(
                                "POST",
                                "/api/shares",
                                "{\"cameraId\":\"nope\",\"start\":\"" + from + "\",\"end\":\"" + to + "\"}",
                                AUDITOR)
                        .statusCode());

        HttpResponse<String> uses = vigil.send("GET", "/api/audit?action=SHARE_USE&cameraId=gate", null, AUDITOR);
        assertTrue(uses.body().contains("\"username\":\"share:" + id + "\""), uses.body());
        assertTrue(uses.body().contains("\"outcome\":\"DENIED\""), "refused uses are recorded: " + uses.body());
    }

    @Test
    void viewersFetchLiveSegmentsOnlyAndEachViewingIsAuditedOnce() throws Exception {
        String viewer = TestAdmin.basic("vic", AUDITOR_PW);
        HttpResponse<String> live = vigil.send("GET", "/api/cameras/gate/live.m3u8?source=archive", null, viewer);
        assertEquals(200, live.statusCode());
        List<String> uris =
                live.body().lines().filter(l -> l.startsWith("segments/")).toList();
        String newest = uris.get(uris.size() - 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200, vigil.downloadAs("/api/cameras/gate/" + newest, viewer).statusCode(), newest);
        }
        HttpResponse<String> old = vigil.send(
                "GET", "/api/cameras/gate/segments/" + segments.get(0).sequence() + ".m4s", null, viewer);
        assertEquals(403, old.statusCode(), "a viewer fetching recorded history: " + old.body());
        assertEquals(
                200,
                vigil.downloadAs("/api/cameras/gate/segments/" + segments.get(0).sequence() + ".m4s", TestAdmin.basic())
                        .statusCode());
        HttpResponse<String> audit = vigil.send("GET", "/api/audit?user=vic", null, AUDITOR);
        assertEquals(
                1,
                count(audit.body(), "\"action\":\"LIVE_VIEW\",\"cameraId\":\"gate\""),
                "playlist and its segments: one session: " + audit.body());
        assertEquals(1, count(audit.body(), "\"outcome\":\"DENIED\""), audit.body());
        HttpResponse<String> direct = vigil.send("GET", "/api/audit?user=admin&action=PLAYBACK", null, AUDITOR);
        assertTrue(
                direct.body().contains("fetched directly"),
                "a segment fetched without a playlist opens a session: " + direct.body());
    }

    @Test
    void playbackClipExportHoldAndLiveViewsAreAudited() throws Exception {
        Instant from = segments.get(2).start();
        Instant to = segments.get(5).start();
        String range = "start=" + from + "&end=" + to;
        assertEquals(
                200,
                vigil.send("GET", "/api/cameras/gate/playlist.m3u8?" + range, null, AUDITOR)
                        .statusCode());
        assertEquals(
                200,
                vigil.downloadAs("/api/cameras/gate/clip.mp4?" + range, AUDITOR).statusCode());
        HttpResponse<String> hold = vigil.send(
                "POST",
                "/api/holds",
                "{\"cameraId\":\"gate\",\"start\":\"" + from + "\",\"end\":\"" + to + "\",\"reason\":\"case 42\"}",
                AUDITOR);
        assertEquals(201, hold.statusCode(), hold.body());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    vigil.send("GET", "/api/cameras/gate/live.m3u8", null, AUDITOR)
                            .statusCode());
        }
        assertEquals(
                401,
                vigil.send(
                                "GET",
                                "/api/cameras/gate/clip.mp4?" + range,
                                null,
                                TestAdmin.basic("nobody-here", "whatever-123"))
                        .statusCode(),
                "a stranger is refused");

        HttpResponse<String> page = vigil.send(
                "GET",
                "/api/audit?user=carol&cameraId=gate&from="
                        + URLEncoder.encode(from.minusSeconds(3600).toString(), StandardCharsets.UTF_8),
                null,
                AUDITOR);
        assertEquals(200, page.statusCode(), page.body());
        for (String action : List.of("PLAYBACK", "CLIP_EXPORT", "HOLD_CREATE")) {
            Matcher m = Pattern.compile("\\{[^{}]*\"action\":\"" + action + "\"[^{}]*}")
                    .matcher(page.body());
            assertTrue(m.find(), action + " in " + page.body());
            String row = m.group();
            assertTrue(
                    row.contains("\"role\":\"auditor\"")
                            && row.contains("\"cameraId\":\"gate\"")
                            && row.contains("\"rangeStart\":\"" + from + "\"")
                            && row.contains("\"rangeEnd\":\"" + to + "\"")
                            && row.contains("\"outcome\":\"OK\"")
                            && row.contains("\"clientAddress\":\"127.0.0.1\""),
                    row);
        }
        assertEquals(1, count(page.body(), "\"action\":\"LIVE_VIEW\""), "one live view session: " + page.body());

        HttpResponse<String> csv = vigil.send("GET", "/api/audit?user=carol&format=csv", null, AUDITOR);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<List<String>> rows = parseCsv(csv.body());
        assertEquals(
                List.of(
                        "id",
                        "at",
                        "username",
                        "role",
                        "action",
                        "camera_id",
                        "range_start",
                        "range_end",
                        "client_address",
                        "outcome",
                        "http_status",
                        "detail"),
                rows.get(0));
        assertTrue(rows.size() >= 5, csv.body());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(12, row.size(), row.toString());
            assertEquals("carol", row.get(2));
            Instant.parse(row.get(1));
        }
        assertTrue(
                rows.stream()
                        .anyMatch(
                                r -> r.get(4).equals("HOLD_CREATE") && r.get(11).contains("case 42")),
                csv.body());

        HttpResponse<String> paged = vigil.send("GET", "/api/audit?user=carol&limit=2", null, AUDITOR);
        String next = find(paged.body(), "\"next\":(\\d+)");
        HttpResponse<String> second = vigil.send("GET", "/api/audit?user=carol&limit=2&after=" + next, null, AUDITOR);
        assertFalse(second.body().contains("\"id\":" + next + ","), "the next page starts after " + next);
        assertEquals(
                400,
                vigil.send("GET", "/api/audit?action=PEEKING", null, AUDITOR).statusCode());
        assertEquals(
                400,
                vigil.send("GET", "/api/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", null, AUDITOR)
                        .statusCode());
    }

    /**
     * Each feature words its own rows (holds and retention runs, cameras, share links, users): camera, range and
     * detail exactly as the audit log has always written them. All as admin: the other tests read carol's rows.
     */
    @Test
    void everyFeatureWordsTheAuditRowsOfItsChanges() throws Exception {
        Instant from = segments.get(3).start();
        Instant to = segments.get(6).start();
        String span = "\"start\":\"" + from + "\",\"end\":\"" + to + "\"";
        HttpResponse<String> hold =
                vigil.send("POST", "/api/holds", "{\"cameraId\":\"gate\"," + span + ",\"reason\":\"court order 17\"}");
        assertEquals(201, hold.statusCode(), hold.body());
        String holdId = json(hold.body(), "id");
        assertEquals(200, vigil.send("DELETE", "/api/holds/" + holdId, null).statusCode());
        HttpResponse<String> share =
                vigil.send("POST", "/api/shares", "{\"cameraId\":\"gate\"," + span + ",\"expiresIn\":\"PT2H\"}");
        assertEquals(201, share.statusCode(), share.body());
        String shareId = json(share.body(), "id");
        Instant expires = Instant.parse(json(share.body(), "expires"));
        HttpResponse<String> revoked = vigil.send("DELETE", "/api/shares/" + shareId, null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        Instant stored = Instant.parse(json(revoked.body(), "expires")); // as stored: to the millisecond
        HttpResponse<String> run = vigil.send("POST", "/api/retention/runs", null);
        assertEquals(201, run.statusCode(), run.body());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"yard\",\"url\":\"rtsp://127.0.0.1:9/yard\","
                                        + "\"enabled\":false,\"retentionDays\":9}")
                        .statusCode());
        assertEquals(
                200,
                vigil.send("PUT", "/api/cameras/yard", "{\"retentionDays\":12}").statusCode());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/users",
                                "{\"username\":\"dave\",\"password\":\"" + AUDITOR_PW
                                        + "\",\"role\":\"viewer\",\"cameras\":[\"yard\",\"gate\"]}")
                        .statusCode());
        assertEquals(
                200,
                vigil.send("PUT", "/api/users/dave", "{\"role\":\"auditor\"}").statusCode());
        assertEquals(204, vigil.send("DELETE", "/api/users/dave", null).statusCode());

        String footage = "\"cameraId\":\"gate\",\"rangeStart\":\"" + from + "\",\"rangeEnd\":\"" + to + "\"";
        assertRow("HOLD_CREATE", footage, "hold " + holdId + ": court order 17");
        assertRow("HOLD_RELEASE", footage, "hold " + holdId + ": court order 17");
        assertRow("SHARE_CREATE", footage, "share " + shareId + " until " + expires);
        assertRow("SHARE_REVOKE", footage, "share " + shareId + " until " + stored);
        assertRow("RETENTION_RUN", null, "retention run " + json(run.body(), "id") + " " + json(run.body(), "outcome"));
        assertRow(
                "CAMERA_CREATE",
                "\"cameraId\":\"yard\"",
                "POST /api/cameras: created: url rtsp://127.0.0.1:9/yard, transport tcp, disabled, retention 9 days");
        assertRow("CAMERA_UPDATE", "\"cameraId\":\"yard\"", "PUT /api/cameras/yard: retention 9 -> 12 days");
        assertRow("USER_CREATE", null, "user dave role viewer cameras [gate, yard]");
        assertRow("USER_UPDATE", null, "user dave role auditor cameras [gate, yard]");
        assertRow("USER_DELETE", null, "user dave");
    }

    /** The newest row of {@code action}: its camera and range ({@code null}: none) and its detail, exactly. */
    private void assertRow(String action, String cameraAndRange, String detail) throws Exception {
        HttpResponse<String> page = vigil.send("GET", "/api/audit?limit=500&action=" + action, null);
        assertEquals(200, page.statusCode(), page.body());
        List<String> rows = Pattern.compile("\\{[^{}]*\"action\":\"" + action + "\"[^{}]*}")
                .matcher(page.body())
                .results()
                .map(m -> m.group())
                .toList();
        assertFalse(rows.isEmpty(), action + " in " + page.body());
        String row = rows.get(rows.size() - 1); // oldest first
        assertTrue(row.contains("\"detail\":\"" + detail + "\""), action + " detail " + detail + ": " + row);
        if (cameraAndRange == null) {
            assertFalse(row.contains("\"cameraId\":\"") || row.contains("\"rangeStart\":\""), action + ": " + row);
        } else {
            assertTrue(
                    row.contains(cameraAndRange)
                            && (cameraAndRange.contains("rangeStart") || !row.contains("\"rangeStart\":\"")),
                    action + " " + cameraAndRange + ": " + row);
        }
    }

    private int status(String path) {
        try {
            return vigil.send("GET", path, null, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void assertForbidden(String path, String what) throws Exception {
        HttpResponse<String> r = vigil.send("GET", path, null, null);
        assertEquals(403, r.statusCode(), what + ": " + r.body());
        assertTrue(r.body().contains("\"error\":\"FORBIDDEN\""), r.body());
    }

    private static String json(String body, String field) {
        return find(body, "\"" + field + "\":\"([^\"]+)\"");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(field.length() == 0 && row.isEmpty(), "CSV ends with CRLF");
        return rows;
    }
}
