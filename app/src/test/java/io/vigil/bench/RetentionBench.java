package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.ObjectKeys;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import io.vigil.retention.RetentionService;
import io.vigil.retention.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Deleting 100,000 expired segments (objects in the embedded S3-compatible store, rows in H2) with a real
 * retention run while a camera from the RTSP simulator keeps recording. Baseline, in the same run: deleting
 * as many objects of the same size with bare S3 multi-delete requests (1000 keys each) through the same
 * MinIO client, which retention cannot beat since it sends exactly those requests and also updates the index.
 * Not part of the test suite: run with {@code bench/run retention}.
 */
class RetentionBench {

    static final int SEGMENTS = Integer.getInteger("bench.segments", 100_000);
    static final int SIZE_BYTES = 1024;
    static final String OLD = "old";

    @Test
    void deleteExpiredSegmentsWhileACameraRecords() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-bench-retention");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        try {
            try (CameraSimulator cameras =
                            new CameraSimulator(Map.of("live", ExternalTools.clip(clips, false)), Map.of());
                    EmbeddedServer server = BenchService.start(work, Map.of("vigil.retention.enabled", false))) {
                ApplicationContext context = server.getApplicationContext();
                String base = BenchService.baseUrl(server);
                SegmentIndex index = context.getBean(SegmentIndex.class);
                ObjectStore store = context.getBean(ObjectStore.class);
                Path bucket = work.resolve("objects").resolve("vigil");
                BenchService.registerIdleCamera(base, OLD);
                BenchService.registerCamera(base, "live", cameras.url("live"), true);
                await("live recording", () -> index.count("live") >= 3);

                long t0 = System.nanoTime();
                List<String> baselineKeys = writeObjects(bucket, "baseline", Instant.parse("2026-01-01T00:00:00Z"));
                List<String> oldKeys = writeObjects(bucket, OLD, Instant.parse("2026-01-01T00:00:00Z"));
                index(context.getBean(DataSource.class), oldKeys);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;

                // The objects were written into the store's directory, not through S3: the store must list and serve
                // them,
                // or both sides below would "delete" missing keys, which S3 answers as success.
                if (store.list("baseline/").size() != SEGMENTS
                        || store.list(OLD + "/").size() != SEGMENTS
                        || store.read(oldKeys.get(SEGMENTS / 2), 0, -1).readAllBytes().length != SIZE_BYTES) {
                    throw new AssertionError("the store does not see the objects written into its directory");
                }
                long b0 = System.nanoTime();
                for (int from = 0; from < baselineKeys.size(); from += 1000) {
                    Map<String, String> refused =
                            store.deleteAll(baselineKeys.subList(from, Math.min(baselineKeys.size(), from + 1000)));
                    if (!refused.isEmpty()) {
                        throw new AssertionError("baseline delete refused: " + refused);
                    }
                }
                double baselineSeconds = (System.nanoTime() - b0) / 1e9;

                long liveBefore = index.newest("live", 1).get(0).sequence();
                Instant runStart = Instant.now();
                long r0 = System.nanoTime();
                RunSummary run = context.getBean(RetentionService.class).runNow("BENCH");
                double runSeconds = (System.nanoTime() - r0) / 1e9;
                Instant runEnd = Instant.now();
                await(
                        "live segments after the run",
                        () -> index.newest("live", 1).get(0).sequence() >= liveBefore + 3);

                // Every old segment goes but the camera's newest, which retention keeps so sequences never repeat.
                if (Files.exists(bucket.resolve(oldKeys.get(0)))
                        || Files.exists(bucket.resolve(baselineKeys.get(SEGMENTS - 1)))
                        || run.outcome() != RunSummary.Outcome.COMPLETED
                        || run.segmentsDeletedAge() != SEGMENTS - 1
                        || index.count(OLD) != 1
                        || store.list(OLD + "/").size() != 1
                        || !store.list("baseline/").isEmpty()) {
                    throw new AssertionError("not everything was deleted: " + run + ", rows left " + index.count(OLD));
                }
                List<Segment> live = index.oldest("live", liveBefore - 1, 100_000);
                int missing = 0;
                long recordedDuringRun = live.stream()
                        .filter(s -> s.end().isAfter(runStart) && s.start().isBefore(runEnd))
                        .count();
                long longestGapMillis = 0;
                for (int i = 1; i < live.size(); i++) {
                    missing += (int) (live.get(i).sequence() - live.get(i - 1).sequence() - 1);
                    longestGapMillis = Math.max(
                            longestGapMillis,
                            live.get(i).start().toEpochMilli()
                                    - live.get(i - 1).end().toEpochMilli());
                }
                double vigilRate = (SEGMENTS - 1) / runSeconds;
                double baselineRate = SEGMENTS / baselineSeconds;
                List<String> lines = new ArrayList<>();
                lines.add(String.format(
                        "input: %,d expired segments of %,d bytes (objects written to the store's directory, "
                                + "rows by JDBC, in %.0f s), and as many baseline objects",
                        SEGMENTS, SIZE_BYTES, fillSeconds));
                lines.add("| what | seconds | segments/s | ratio to baseline |");
                lines.add("| --- | ---: | ---: | ---: |");
                lines.add(String.format(
                        "| retention run: plan, mark, S3 multi-delete, rows, spans, marks | %.1f | %,.0f | %.2f |",
                        runSeconds, vigilRate, vigilRate / baselineRate));
                lines.add(String.format(
                        "| baseline: bare S3 multi-delete, 1000 keys per request | %.1f | %,.0f | 1.00 |",
                        baselineSeconds, baselineRate));
                lines.add("");
                lines.add(String.format(
                        "Live camera during the run: %d segments recorded while it ran, %d missing sequence "
                                + "numbers, longest pause between segments %d ms.",
                        recordedDuringRun, missing, longestGapMillis));
                BenchService.report("Retention", "Goal: >= 2,000 segments/s with a camera recording meanwhile.", lines);
            }
        } finally {
            BenchService.deleteTree(work);
        }
    }

    /** Writes {@code SEGMENTS} objects straight into the embedded store's directory (fast set-up, not measured). */
    private static List<String> writeObjects(Path bucket, String camera, Instant from) throws Exception {
        List<String> keys = new ArrayList<>(SEGMENTS);
        byte[] bytes = new byte[SIZE_BYTES];
        for (int i = 0; i < SEGMENTS; i++) {
            String key = ObjectKeys.mediaSegment(camera, from.plusSeconds(2L * i), i);
            Path file = bucket.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            keys.add(key);
        }
        return keys;
    }

    /** Index rows, one recorded span and the init segment for the camera's objects, as the archive writer leaves them. */
    private static void index(DataSource pooled, List<String> keys) throws Exception {
        DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(pooled);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        String initKey = OLD + "/init/00112233445566778899aabbccddeeff.mp4";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement init =
                    c.prepareStatement("INSERT INTO init_segment (object_key, camera_id, size_bytes, "
                            + "codecs, created_millis) VALUES (?, ?, 3, 'avc1.64001f', ?)")) {
                init.setString(1, initKey);
                init.setString(2, OLD);
                init.setLong(3, from.toEpochMilli());
                init.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO segment (camera_id, sequence, session_id, start_millis, "
                            + "duration_millis, size_bytes, object_key, init_key, keyframe_start) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(1, OLD);
                    ps.setLong(2, i);
                    ps.setString(3, "session-old");
                    ps.setLong(4, from.toEpochMilli() + 2000L * i);
                    ps.setInt(5, 2000);
                    ps.setLong(6, SIZE_BYTES);
                    ps.setString(7, keys.get(i));
                    ps.setString(8, initKey);
                    ps.setBoolean(9, true);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement span = c.prepareStatement("INSERT INTO recording_span (camera_id, first_sequence, "
                    + "last_sequence, session_id, start_millis, end_millis) VALUES (?, 0, ?, 'session-old', ?, ?)")) {
                span.setString(1, OLD);
                span.setLong(2, keys.size() - 1);
                span.setLong(3, from.toEpochMilli());
                span.setLong(4, from.toEpochMilli() + 2000L * keys.size());
                span.executeUpdate();
            }
            c.commit();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + what);
            }
            Thread.sleep(200);
        }
    }
}
