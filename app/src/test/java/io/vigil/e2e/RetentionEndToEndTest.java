package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Retention in a running service that records a real camera: Quartz fires on a 2 s cron without overlapping
 * runs; a quota set on the camera while it records deletes its oldest segments from store and index without
 * interrupting the recording; holds keep footage until released; the holds and retention API over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionEndToEndTest {

    private CameraSimulator cameras;
    private VigilHarness vigil;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-e2e-retention");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        cameras = new CameraSimulator(Map.of("dock", ExternalTools.clip(clips, false)), Map.of());
        Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
        vigil = new VigilHarness(
                work, Map.of("vigil.retention.cron", "*/2 * * * * ?", "vigil.retention.recent-protection", "3s"));
        assertEquals(
                201,
                vigil.send("POST", "/api/cameras", "{\"id\": \"dock\", \"url\": \"" + cameras.url("dock") + "\"}")
                        .statusCode());
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
    void scheduledRunsFireAndNeverOverlap() throws Exception {
        vigil.await(
                "three scheduled retention runs",
                Duration.ofSeconds(30),
                () -> scheduledRuns().size() >= 3);
        List<Instant[]> runs = scheduledRuns();
        for (int i = 1; i < runs.size(); i++) {
            // newest first: each run started at or after the one before it (the next in the list) finished
            assertTrue(
                    !runs.get(i - 1)[0].isBefore(runs.get(i)[1]),
                    "runs overlap: "
                            + vigil.send("GET", "/api/retention/runs", null).body());
        }
    }

    @Test
    void aQuotaDeletesTheOldestWhileTheCameraKeepsRecordingAndAHoldKeepsItsRange() throws Exception {
        SegmentIndex index = vigil.context.getBean(SegmentIndex.class);
        vigil.await("10 segments of dock", Duration.ofSeconds(90), () -> index.count("dock") >= 10);
        String session =
                VigilHarness.field(vigil.send("GET", "/api/cameras/dock", null).body(), "sessionId");
        List<Segment> before = index.oldest("dock", -1, 1000);
        Segment held = before.get(1);
        HttpResponse<String> hold = vigil.send(
                "POST", "/api/holds", """
                {"cameraId": "dock", "start": "%s", "end": "%s", "reason": "incident 42"}""".formatted(held.start(), held.start().plusMillis(1)));
        assertEquals(201, hold.statusCode(), hold.body());
        String holdId = VigilHarness.field(hold.body(), "id");

        long usage = index.usageBytes().get("dock");
        assertEquals(
                200,
                vigil.send("PUT", "/api/cameras/dock", "{\"maxBytes\": " + usage / 2 + "}")
                        .statusCode());
        vigil.await(
                "scheduled runs deleting dock's oldest for its quota, on both sides of the held one",
                Duration.ofSeconds(30),
                () -> index.find("dock", before.get(0).sequence()).isEmpty()
                        && index.find("dock", held.sequence() + 1).isEmpty());
        List<Segment> after = index.oldest("dock", -1, 100_000);
        assertEquals(
                held.sequence(),
                index.find("dock", held.sequence()).orElseThrow().sequence(),
                "the held segment stays");
        assertTrue(index.find("dock", before.get(0).sequence()).isEmpty(), "the oldest went");
        assertEquals(
                session,
                VigilHarness.field(vigil.send("GET", "/api/cameras/dock", null).body(), "sessionId"),
                "setting a quota does not restart the recording");
        assertIndexEqualsStore(index);

        long newest = after.get(after.size() - 1).sequence();
        vigil.await(
                "dock keeps recording",
                Duration.ofSeconds(30),
                () -> index.newest("dock", 1).get(0).sequence() >= newest + 3);
        List<Long> kept = index.oldest("dock", held.sequence(), 100_000).stream()
                .map(Segment::sequence)
                .toList();
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(kept.get(i - 1) + 1, kept.get(i), "no segment missing after the held one: " + kept);
        }

        assertEquals(200, vigil.send("DELETE", "/api/holds/" + holdId, null).statusCode());
        vigil.await(
                "the released segment deleted by a later run",
                Duration.ofSeconds(30),
                () -> index.find("dock", held.sequence()).isEmpty());
        assertEquals(
                200, vigil.send("PUT", "/api/cameras/dock", "{\"maxBytes\": 0}").statusCode());
        String released = vigil.send("GET", "/api/holds?cameraId=dock", null).body();
        assertTrue(released.contains("\"released\":\"") && released.contains("incident 42"), released);
    }

    @Test
    void holdsAndRetentionRequestsAreValidated() throws Exception {
        HttpResponse<String> noReason = vigil.send(
                "POST",
                "/api/holds",
                "{\"cameraId\": \"dock\", \"start\": \"2026-11-22T10:00:00Z\", \"end\": \"2026-11-22T11:00:00Z\"}");
        assertEquals(400, noReason.statusCode());
        assertTrue(
                noReason.body().contains("\"error\":\"VALIDATION_FAILED\"")
                        && noReason.body().contains("reason"),
                noReason.body());
        HttpResponse<String> backwards = vigil.send(
                "POST",
                "/api/holds",
                "{\"cameraId\": \"dock\", \"start\": \"2026-11-22T11:00:00Z\", \"end\": \"2026-11-22T10:00:00Z\", \"reason\": \"x\"}");
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("INVALID_RANGE"), backwards.body());
        assertEquals(
                404,
                vigil.send(
                                "POST",
                                "/api/holds",
                                "{\"cameraId\": \"nobody\", \"start\": \"2026-11-22T10:00:00Z\", \"end\": \"2026-11-22T11:00:00Z\", \"reason\": \"x\"}")
                        .statusCode());
        HttpResponse<String> unknown = vigil.send("DELETE", "/api/holds/no-such-hold", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("HOLD_NOT_FOUND"), unknown.body());
        assertEquals(400, vigil.send("GET", "/api/retention/runs?limit=0", null).statusCode());
        HttpResponse<String> manual = vigil.send("POST", "/api/retention/runs", null);
        assertEquals(201, manual.statusCode(), manual.body());
        assertTrue(manual.body().contains("\"trigger\":\"API\""), manual.body());
        HttpResponse<String> preview = vigil.send("GET", "/api/retention/preview", null);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("\"deletions\":["), preview.body());
        String metrics = vigil.send("GET", "/metrics", null).body();
        assertTrue(metrics.contains("vigil_retention_runs_total{outcome=\"COMPLETED\"}"), metrics);
    }

    /** Start and end of each scheduled run, newest first. */
    private List<Instant[]> scheduledRuns() {
        try {
            String body =
                    vigil.send("GET", "/api/retention/runs?limit=500", null).body();
            Matcher m = Pattern.compile("\"trigger\":\"SCHEDULE\",\"started\":\"([^\"]+)\",\"finished\":\"([^\"]+)\"")
                    .matcher(body);
            List<Instant[]> runs = new java.util.ArrayList<>();
            while (m.find()) {
                runs.add(new Instant[] {Instant.parse(m.group(1)), Instant.parse(m.group(2))});
            }
            return runs;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every indexed segment of dock has its object and every stored one up to the newest indexed has its row. */
    private void assertIndexEqualsStore(SegmentIndex index) {
        List<Segment> indexed = index.oldest("dock", -1, 100_000);
        long newestIndexed = indexed.get(indexed.size() - 1).sequence();
        Set<String> rows = indexed.stream().map(Segment::objectKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> objects = vigil.context.getBean(ObjectStore.class).list("dock/").stream()
                .map(ObjectStore.StoredObject::key)
                .filter(k -> k.endsWith(".m4s"))
                .filter(k -> Long.parseLong(k.substring(k.lastIndexOf('-') + 1, k.length() - 4)) <= newestIndexed)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rows, objects, "index rows and stored objects of dock");
    }
}
