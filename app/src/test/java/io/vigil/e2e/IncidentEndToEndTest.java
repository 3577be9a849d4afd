package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An incident over three real cameras, one of which is down for part of its range: opened by an auditor with its
 * footage held, it collects the event a door controller posted with an API token, and its package, downloaded from
 * the service, verifies offline ({@code bin/verify-package}, openssl, sha256sum); the camera's outage is a gap in its
 * signed clip; a byte flipped in any file, or any file removed, fails verification naming that file; closing releases
 * the holds; viewers may not open or export incidents; each action leaves its audit row, and the package holds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentEndToEndTest {

    private static final List<String> CAMERAS = List.of("dock", "gate", "yard");
    private static final String AUDITOR = "auditor-ann";
    private static final String AUDITOR_PASSWORD = "ann-Audit-7734";
    private static final String VIEWER = "viewer-vic";
    private static final String VIEWER_PASSWORD = "vic-View-7734";

    private Path work;
    private Path clip;
    private CameraSimulator steady;
    private CameraSimulator flaky;
    private int flakyPort;
    private VigilHarness vigil;
    private JsonMapper json;
    private Instant start;
    private Instant outageStart;
    private Instant outageEnd;
    private Instant end;
    private String incidentId;
    private Path extracted;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-incident");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        clip = ExternalTools.clip(clips, false);
        steady = new CameraSimulator(Map.of("dock", clip, "gate", clip), Map.of());
        flaky = new CameraSimulator(Map.of("yard", clip), Map.of(), 0, 0, false);
        flakyPort = flaky.port;
        // Reconnect attempts at most 2 s apart, so yard records again within about 2 s of its return (by default the
        // attempts back off to 8 s apart by then).
        vigil = new VigilHarness(work, Map.of("vigil.recorder.backoff-max", "2s"));
        json = vigil.context.getBean(JsonMapper.class);
        for (String camera : CAMERAS) {
            CameraSimulator sim = camera.equals("yard") ? flaky : steady;
            HttpResponse<String> created = vigil.send(
                    "POST",
                    "/api/cameras",
                    "{\"id\":\"" + camera + "\",\"name\":\"" + camera + "\",\"url\":\"" + sim.url(camera) + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
        for (String camera : CAMERAS) {
            vigil.await(camera + " recording", Duration.ofSeconds(60), () -> "RECORDING".equals(state(camera)));
        }
        for (String[] user :
                new String[][] {{AUDITOR, AUDITOR_PASSWORD, "auditor"}, {VIEWER, VIEWER_PASSWORD, "viewer"}}) {
            HttpResponse<String> r = vigil.send(
                    "POST",
                    "/api/users",
                    "{\"username\":\"" + user[0] + "\",\"password\":\"" + user[1] + "\",\"role\":\"" + user[2] + "\"}");
            assertEquals(201, r.statusCode(), r.body());
        }
        // the range: 6 s of every camera, then yard down for 6 s, then 6 s of every camera again
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        awaitRecordedUntil(start.plusSeconds(6));
        flaky.close();
        outageStart = Instant.now();
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), outageStart.plusSeconds(6)).toMillis()));
        flaky = new CameraSimulator(Map.of("yard", clip), Map.of(), flakyPort, 0, false);
        vigil.await("yard recording again", Duration.ofSeconds(60), () -> "RECORDING".equals(state("yard")));
        outageEnd = Instant.now();
        end = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        awaitRecordedUntil(end);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.assertNeverShown(AUDITOR_PASSWORD);
            vigil.close();
        }
        for (CameraSimulator s : new CameraSimulator[] {steady, flaky}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAuditorOpensAnIncidentThatHoldsItsFootageAndCollectsAnEventPostedWithAToken() throws Exception {
        HttpResponse<String> token = vigil.send(
                "POST",
                "/api/tokens",
                "{\"name\":\"dock-door\",\"cameraIds\":[\"dock\"],\"scopes\":[\"events:write\"]}");
        assertEquals(201, token.statusCode(), token.body());
        vigil.responses.remove(token.body());
        String secret = (String) object(token.body()).get("secret");
        HttpResponse<String> event = vigil.send(
                "POST",
                "/api/events",
                "{\"cameraIds\":[\"dock\"],\"at\":\"" + start.plusSeconds(3) + "\",\"label\":\"Door forced\","
                        + "\"source\":\"dock-door-controller\"}",
                "Bearer " + secret);
        assertEquals(201, event.statusCode(), event.body());
        String eventId = (String) object(event.body()).get("id");

        assertEquals(
                403,
                vigil.send("POST", "/api/incidents", incident(), TestAdmin.basic(VIEWER, VIEWER_PASSWORD))
                        .statusCode(),
                "a viewer opens no incident");
        assertEquals(
                403,
                vigil.send("POST", "/api/incidents", incident(), "Bearer " + secret)
                        .statusCode(),
                "an event token opens no incident");
        HttpResponse<String> opened =
                vigil.send("POST", "/api/incidents", incident(), TestAdmin.basic(AUDITOR, AUDITOR_PASSWORD));
        assertEquals(201, opened.statusCode(), opened.body());
        Map<?, ?> incident = object(opened.body());
        incidentId = (String) incident.get("id");
        assertEquals("OPEN", incident.get("status"));
        assertEquals(AUDITOR, incident.get("openedBy"));
        assertEquals(CAMERAS, incident.get("cameraIds"));
        Map<?, ?> holds = (Map<?, ?>) incident.get("holdIds");
        for (String camera : CAMERAS) {
            Map<?, ?> hold = object(
                    vigil.send("GET", "/api/holds/" + holds.get(camera), null).body());
            assertEquals(camera, hold.get("cameraId"));
            assertEquals(start.toString(), hold.get("start"));
            assertEquals(end.toString(), hold.get("end"));
            assertEquals(null, hold.get("released"), camera + "'s footage is held");
        }
        Map<?, ?> detail = object(
                vigil.send("GET", "/api/incidents/" + incidentId, null, TestAdmin.basic(AUDITOR, AUDITOR_PASSWORD))
                        .body());
        List<?> events = (List<?>) detail.get("events");
        assertEquals(1, events.size(), detail.toString());
        assertEquals(eventId, ((Map<?, ?>) events.get(0)).get("id"));
        assertEquals("token:dock-door", ((Map<?, ?>) events.get(0)).get("createdBy"));
    }

    @Test
    @Order(2)
    void itsPackageVerifiesOfflineWithTheOperatorsKeyAndShowsTheOutageAsAGap() throws Exception {
        assertEquals(
                403,
                vigil.downloadAs(
                                "/api/incidents/" + incidentId + "/package.zip",
                                TestAdmin.basic(VIEWER, VIEWER_PASSWORD))
                        .statusCode(),
                "a viewer exports no package");
        HttpResponse<byte[]> download = vigil.downloadAs(
                "/api/incidents/" + incidentId + "/package.zip", TestAdmin.basic(AUDITOR, AUDITOR_PASSWORD));
        assertEquals(200, download.statusCode(), new String(download.body(), StandardCharsets.UTF_8));
        assertEquals(
                "application/zip", download.headers().firstValue("content-type").orElse(""));
        Path zip = Files.write(work.resolve("incident.zip"), download.body());
        Path key = Files.writeString(
                work.resolve("operator-key.pem"),
                vigil.send("GET", "/api/keys/export-signing", null).body());

        VerifyPackage.Verdict verdict = verify(zip, key);
        assertEquals(0, verdict.exitCode(), verdict.output());
        assertTrue(
                verdict.output().endsWith("VERIFIED: every file is as signed, none added or removed\n"),
                verdict.output());

        extracted = Files.createDirectories(work.resolve("extracted"));
        ExternalTools.run(Duration.ofSeconds(60), List.of("unzip", "-q", zip.toString(), "-d", extracted.toString()));
        Path dir = extracted.resolve("incident-" + incidentId);
        for (String camera : CAMERAS) {
            Path mp4 = dir.resolve("cameras/" + camera + "/clip.mp4");
            String probed = ExternalTools.run(
                    Duration.ofSeconds(60),
                    List.of(
                            "ffprobe",
                            "-v",
                            "error",
                            "-show_entries",
                            "stream=codec_type",
                            "-of",
                            "csv=p=0",
                            mp4.toString()));
            assertTrue(probed.contains("video"), camera + ": " + probed);
            Map<?, ?> manifest = object(Files.readString(dir.resolve("cameras/" + camera + "/clip.manifest.json")));
            assertEquals(camera, manifest.get("cameraId"));
            assertEquals(start.toString(), manifest.get("start"));
            assertEquals(end.toString(), manifest.get("end"));
            List<?> gaps = (List<?>) manifest.get("gaps");
            boolean outageIsAGap = gaps.stream().map(g -> (Map<?, ?>) g).anyMatch(g -> {
                Instant from = Instant.parse((String) g.get("start"));
                Instant to = Instant.parse((String) g.get("end"));
                return !from.isAfter(outageStart.plusSeconds(2)) && !to.isBefore(outageEnd.minusSeconds(5));
            });
            assertEquals(
                    camera.equals("yard"),
                    outageIsAGap,
                    camera + "'s gaps " + gaps + "; yard was down from " + outageStart + " to " + outageEnd);
        }
        String eventsCsv = Files.readString(dir.resolve("events.csv"));
        assertTrue(eventsCsv.contains("\"Door forced\"") && eventsCsv.contains("\"token:dock-door\""), eventsCsv);
        String audit = Files.readString(dir.resolve("audit.csv"));
        assertTrue(audit.contains(",INCIDENT_OPEN,") && audit.contains("\"" + AUDITOR + "\""), audit);
        String readme = Files.readString(dir.resolve("README.txt"));
        assertTrue(readme.contains(incidentId) && !readme.contains("{{"), readme);
    }

    @Test
    @Order(3)
    void aByteFlippedInAnyFileOrAnyFileRemovedFailsVerificationNamingIt() throws Exception {
        Path dir = extracted.resolve("incident-" + incidentId);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(5 + 3 * 3 + 3, files.size(), "README, incident, events ×2, audit, 3 per camera, key, sums ×2");
        Path key = work.resolve("operator-key.pem");
        for (Path file : files) {
            String name = dir.relativize(file).toString();
            byte[] original = Files.readAllBytes(file);
            byte[] changed = original.clone();
            changed[changed.length / 2] ^= 0x01;
            Files.write(file, changed);
            VerifyPackage.Verdict flipped = verify(extracted, key);
            Files.write(file, original);
            assertEquals(1, flipped.exitCode(), name + ":\n" + flipped.output());
            assertTrue(flipped.named().contains(name), name + " is named:\n" + flipped.output());

            Files.delete(file);
            VerifyPackage.Verdict removed = verify(extracted, key);
            Files.write(file, original);
            assertEquals(1, removed.exitCode(), name + ":\n" + removed.output());
            assertTrue(removed.output().contains("MISSING: " + name), name + " is named missing:\n" + removed.output());
        }
        assertEquals(0, verify(extracted, key).exitCode(), "restored, the package verifies again");
    }

    @Test
    @Order(4)
    void closingReleasesTheHoldsAndEveryActionIsInTheAuditLog() throws Exception {
        HttpResponse<String> closed = vigil.send(
                "POST",
                "/api/incidents/" + incidentId + "/close",
                "{\"note\":\"handed to the police\"}",
                TestAdmin.basic(AUDITOR, AUDITOR_PASSWORD));
        assertEquals(200, closed.statusCode(), closed.body());
        Map<?, ?> incident = object(closed.body());
        assertEquals("CLOSED", incident.get("status"));
        assertEquals(AUDITOR, incident.get("closedBy"));
        for (Object hold : ((Map<?, ?>) incident.get("holdIds")).values()) {
            assertNotNull(
                    object(vigil.send("GET", "/api/holds/" + hold, null).body()).get("released"), hold.toString());
        }
        assertFalse(vigil.send("GET", "/api/incidents", null).body().contains(incidentId), "no longer open");
        assertTrue(vigil.send("GET", "/api/incidents?status=all", null).body().contains(incidentId), "kept");
        vigil.await("the audit log to hold the incident's open, export and close", Duration.ofSeconds(10), () -> {
            String log = quietly("/api/audit?username=" + AUDITOR + "&limit=100");
            return log.contains("INCIDENT_OPEN")
                    && log.contains("INCIDENT_EXPORT")
                    && log.contains("INCIDENT_CLOSE")
                    && log.contains(incidentId);
        });
    }

    private String incident() {
        return "{\"title\":\"Loading dock, forced door\",\"cameraIds\":[\"dock\",\"gate\",\"yard\"]," + "\"start\":\""
                + start + "\",\"end\":\"" + end + "\",\"reason\":\"case 2026-114\"}";
    }

    /** Waits until every camera has a stored segment ending at or after {@code until}. */
    private void awaitRecordedUntil(Instant until) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()));
        for (String camera : CAMERAS) {
            vigil.await(camera + " to have footage until " + until, Duration.ofSeconds(30), () -> {
                String timeline = quietly("/api/cameras/" + camera + "/timeline?start=" + until.minusSeconds(60)
                        + "&end=" + until.plusSeconds(60));
                return timeline.matches("(?s).*\"end\":\"([^\"]+)\".*") && spansEndAfter(timeline, until);
            });
        }
    }

    private boolean spansEndAfter(String timeline, Instant until) {
        try {
            Map<?, ?> t = object(timeline);
            return ((List<?>) t.get("spans"))
                    .stream()
                            .anyMatch(s -> !Instant.parse((String) ((Map<?, ?>) s).get("end"))
                                    .isBefore(until));
        } catch (IOException e) {
            return false;
        }
    }

    private String state(String camera) {
        return vigil.stateQuietly(camera);
    }

    private String quietly(String path) {
        try {
            return vigil.send("GET", path, null).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Map<?, ?> object(String body) throws IOException {
        return json.readValue(body, Map.class);
    }

    private static VerifyPackage.Verdict verify(Path pkg, Path key) throws IOException, InterruptedException {
        return VerifyPackage.run(pkg, key, Duration.ofSeconds(60));
    }
}
