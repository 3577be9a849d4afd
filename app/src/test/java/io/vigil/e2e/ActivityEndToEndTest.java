package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Activity from bytes, not pixels, through the real stack: the simulator serves a clip that is still for 10 s, then
 * moves for 10 s, over and over ({@link ExternalTools#activityClip}); Vigil records it; {@code /activity} must find the
 * moving parts. Which seconds move is known from the simulator's own log of each keyframe's capture time (the clip has
 * one every 2 s, ten a period, the first of each session at the clip's start), not from anything Vigil says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityEndToEndTest {

    private static final String CAMERA = "yard";
    private static final long GOP_MILLIS = 2000;
    private static final int KEYFRAMES_PER_HALF = (int) (ExternalTools.ACTIVITY_HALF_SECONDS * 1000 / GOP_MILLIS);
    /** Segments recorded before the checks: four periods of the clip. */
    private static final int SEGMENTS = 4 * 2 * KEYFRAMES_PER_HALF;
    /** A bucket counts as still or moving only if it lies in one part this far from its edges (capture vs segment time). */
    private static final long MARGIN_MILLIS = 250;
    /** The level that tells motion from a still scene, chosen from what this test measured (see docs/BENCHMARKS.md). */
    static final double THRESHOLD = 1.0;

    private Path work;
    private CameraSimulator simulator;
    private VigilHarness vigil;

    @BeforeAll
    void start() throws Exception {
        ExternalTools.require();
        work = Files.createTempDirectory("vigil-activity");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        simulator = CameraSimulator.withKeyframeLog(Map.of(CAMERA, ExternalTools.activityClip(clips)), Set.of(CAMERA));
        vigil = new VigilHarness(work, Map.of());
        assertEquals(
                201,
                vigil.send(
                                "POST",
                                "/api/cameras",
                                "{\"id\":\"" + CAMERA + "\",\"url\":\"" + simulator.url(CAMERA) + "\"}")
                        .statusCode());
        vigil.await(
                SEGMENTS + " segments of one session (simulator: " + simulator.output() + ")",
                Duration.ofSeconds(SEGMENTS * GOP_MILLIS / 1000 + 60),
                () -> session().size() >= SEGMENTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The stored segments of the camera's first recording session, oldest first. */
    private List<Segment> session() {
        List<Segment> all = vigil.context.getBean(SegmentIndex.class).newest(CAMERA, 1000);
        return all.isEmpty()
                ? all
                : all.stream()
                        .filter(s -> s.sessionId().equals(all.get(0).sessionId()))
                        .toList();
    }

    private Map<String, Object> activity(String query) throws Exception {
        HttpResponse<String> r = vigil.send("GET", "/api/cameras/" + CAMERA + "/activity?" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return vigil.context.getBean(JsonMapper.class).readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> buckets(Map<String, Object> activity) {
        return (List<Map<String, Object>>) activity.get("buckets");
    }

    private static Double level(Map<String, Object> bucket) {
        return bucket.get("level") == null ? null : ((Number) bucket.get("level")).doubleValue();
    }

    private static long millis(Map<String, Object> bucket, String field) {
        return Instant.parse((String) bucket.get(field)).toEpochMilli();
    }

    /**
     * The moving stretches of the clip as the simulator played it: after each keyframe of a session (a new one after
     * a pause of more than a GOP), the next GOP is moving from its sixth keyframe in a period on.
     */
    private List<long[]> moving(List<Instant> keyframes) {
        List<long[]> out = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < keyframes.size(); i++) {
            long t = keyframes.get(i).toEpochMilli();
            index = i > 0 && t - keyframes.get(i - 1).toEpochMilli() > GOP_MILLIS * 3 / 2 ? 0 : index;
            if (index % (2 * KEYFRAMES_PER_HALF) >= KEYFRAMES_PER_HALF) {
                out.add(new long[] {t, t + GOP_MILLIS});
            }
            index++;
        }
        return out;
    }

    /** Whether {@code [from, to)} lies within one of {@code stretches}, joined where they touch. */
    private static boolean within(List<long[]> stretches, long from, long to) {
        long covered = from;
        for (long[] s : stretches) {
            if (s[0] <= covered + 50 && s[1] > covered) {
                covered = s[1];
            }
        }
        return covered >= to;
    }

    @Test
    void bucketsOfTheMovingPartsHaveClearlyHigherLevelsThanThoseOfTheStillParts() throws Exception {
        List<Segment> segments = session();
        List<Instant> keyframes = simulator.keyframeCaptures(CAMERA);
        List<long[]> moving = moving(keyframes);
        List<long[]> still = new ArrayList<>();
        for (int i = 0; i + 1 < keyframes.size(); i++) {
            long t = keyframes.get(i).toEpochMilli();
            if (moving.stream().noneMatch(m -> m[0] == t)) {
                still.add(new long[] {t, t + GOP_MILLIS});
            }
        }
        Instant start = segments.get(0).start();
        Instant end = segments.get(segments.size() - 1).end();
        int count = (int) ((end.toEpochMilli() - start.toEpochMilli()) / 1000);
        Map<String, Object> activity = activity("start=" + start + "&end=" + end + "&buckets=" + count);
        assertEquals("SEGMENT", activity.get("resolution"));
        assertEquals("main", activity.get("stream"));
        long median = ((Number) activity.get("medianBitsPerSecond")).longValue();
        List<Double> movingLevels = new ArrayList<>();
        List<Double> stillLevels = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (Map<String, Object> b : buckets(activity)) {
            long from = millis(b, "start") + MARGIN_MILLIS;
            long to = millis(b, "end") - MARGIN_MILLIS;
            Double level = level(b);
            assertNotNull(level, "every bucket of the recorded session has footage: " + b);
            boolean isMoving = within(moving, from, to);
            boolean isStill = within(still, from, to);
            (isMoving ? movingLevels : isStill ? stillLevels : new ArrayList<Double>()).add(level);
            seen.append(String.format(Locale.ROOT, "%s%.2f ", isMoving ? "M" : isStill ? "S" : "?", level));
        }
        System.out.println("ACTIVITY levels by bucket (M moving, S still, ? both): " + seen);
        assertTrue(movingLevels.size() >= 10 && stillLevels.size() >= 10, "buckets placed: " + seen);
        double movingMedian = medianOf(movingLevels);
        double stillMedian = medianOf(stillLevels);
        long movingAbove = movingLevels.stream().filter(l -> l > THRESHOLD).count();
        long stillBelow = stillLevels.stream().filter(l -> l < THRESHOLD).count();
        String figures = String.format(
                Locale.ROOT,
                "ACTIVITY detection at level %.1f: moving buckets above %d/%d, still buckets below %d/%d; median level"
                        + " moving %.2f, still %.2f (min moving %.2f, max still %.2f); recent median %d bit/s",
                THRESHOLD,
                movingAbove,
                movingLevels.size(),
                stillBelow,
                stillLevels.size(),
                movingMedian,
                stillMedian,
                movingLevels.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                stillLevels.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                median);
        System.out.println(figures);
        // levels that say nothing (always 1.0, or segments counted instead of bytes) fail here
        assertTrue(movingMedian >= 3 * stillMedian, figures);
        assertTrue(movingAbove >= 0.9 * movingLevels.size() && stillBelow >= 0.9 * stillLevels.size(), figures);
        // levels are relative to the stream's median, which lies between its still and moving bit rates
        assertTrue(stillMedian < 0.7 && movingMedian > 1.3 && movingMedian < 4, figures);
    }

    @Test
    void aBucketsBitRateIsItsSegmentsBytesOverTheirSeconds() throws Exception {
        List<Segment> segments = session().subList(3, 8);
        long bytes = segments.stream().mapToLong(Segment::sizeBytes).sum();
        long millis = segments.stream().mapToLong(Segment::durationMillis).sum();
        Map<String, Object> one = activity("start=" + segments.get(0).start() + "&end="
                + segments.get(segments.size() - 1).end() + "&buckets=1");
        long rate = ((Number) buckets(one).get(0).get("bitsPerSecond")).longValue();
        assertEquals(bytes * 8000.0 / millis, rate, bytes * 8000.0 / millis * 0.005, "bytes x 8 over seconds");
        long median = ((Number) one.get("medianBitsPerSecond")).longValue();
        assertEquals(rate / (double) median, level(buckets(one).get(0)), 0.002);
    }

    @Test
    void timeWithoutFootageIsNullNotZeroAndALongRangeReadsMinuteTotals() throws Exception {
        List<Segment> segments = session();
        Instant first = segments.get(0).start();
        Instant end = segments.get(segments.size() - 1).end();
        Map<String, Object> before =
                activity("start=" + first.minusSeconds(30) + "&end=" + first.plusSeconds(30) + "&buckets=60");
        for (Map<String, Object> b : buckets(before)) {
            if (millis(b, "end") <= first.toEpochMilli()) {
                assertNull(b.get("bitsPerSecond"), "before the recording: " + b);
                assertNull(b.get("level"), "before the recording: " + b);
                assertTrue(b.containsKey("level"), "null is written out: " + b);
            } else if (millis(b, "start") >= first.toEpochMilli()) {
                assertNotNull(b.get("level"), "recorded: " + b);
            }
        }
        Instant from = end.minus(Duration.ofMinutes(90));
        Map<String, Object> long90 = activity("start=" + from + "&end=" + end + "&buckets=90");
        assertEquals("MINUTE", long90.get("resolution"));
        assertNotNull(long90.get("medianBitsPerSecond"), "the stream's footage of the last 24 h");
        long recordedMinutes = 0;
        for (Map<String, Object> b : buckets(long90)) {
            boolean anyFootage = millis(b, "end") > first.toEpochMilli() - first.toEpochMilli() % 60_000;
            assertEquals(anyFootage, b.get("level") != null, b.toString());
            recordedMinutes += anyFootage ? 1 : 0;
        }
        assertTrue(recordedMinutes >= 2 && recordedMinutes <= 4, "minutes with footage: " + recordedMinutes);
    }

    @Test
    void badParametersAreJsonErrorsNamingThem() throws Exception {
        String range = "start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z";
        Map<String, String> named = Map.of(
                range + "&buckets=0",
                "buckets",
                range + "&buckets=2001",
                "buckets",
                range + "&buckets=many",
                "buckets",
                range + "&stream=third",
                "stream",
                "start=noon&end=2026-12-02T00:00:00Z",
                "start",
                "start=2026-12-01T00:00:00Z",
                "end");
        for (Map.Entry<String, String> e : named.entrySet()) {
            HttpResponse<String> r = vigil.send("GET", "/api/cameras/" + CAMERA + "/activity?" + e.getKey(), null);
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(
                    r.body().contains("\"error\":\"VALIDATION_FAILED\"")
                            && r.body().contains("\"" + e.getValue() + "\""),
                    e.getKey() + ": " + r.body());
        }
        for (String wrong : List.of(
                "start=2026-12-02T00:00:00Z&end=2026-12-01T00:00:00Z",
                "start=2026-01-01T00:00:00Z&end=2026-12-01T00:00:00Z")) {
            HttpResponse<String> r = vigil.send("GET", "/api/cameras/" + CAMERA + "/activity?" + wrong, null);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"error\":\"INVALID_RANGE\""), r.body());
        }
        HttpResponse<String> unknown = vigil.send("GET", "/api/cameras/nobody/activity?" + range, null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"error\":\"CAMERA_NOT_FOUND\""), unknown.body());
        HttpResponse<String> malformed = vigil.send("GET", "/api/cameras/Yard_1/activity?" + range, null);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("\"error\":\"VALIDATION_FAILED\""), malformed.body());
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
