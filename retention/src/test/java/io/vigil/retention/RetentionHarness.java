package io.vigil.retention;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.archive.ObjectKeys;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.EmbeddedS3Server;
import io.vigil.archive.store.MinioObjectStore;
import io.vigil.archive.store.ObjectStore;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraRequest;
import io.vigil.camera.RecordedCameras;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.retention.hold.Holds;
import io.vigil.retention.run.DeletionMarks;
import io.vigil.retention.run.RetentionRuns;
import io.vigil.retention.run.SegmentDeleter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Retention wired by hand over real parts: an in-memory H2 migrated by Flyway and the embedded S3-compatible
 * server reached through the MinIO SDK; a clock the test sets. Segments are stored as the archive writer
 * stores them: init segment, media object, then the index row.
 */
final class RetentionHarness implements AutoCloseable {

    /** A clock the test moves. */
    final io.vigil.kernel.TestClock clock;

    final Path directory;
    final EmbeddedS3Server s3;
    final MinioObjectStore store;
    final Database db;
    final SegmentIndex index;
    final RecordingSpans spans;
    final CameraRegistry cameras;
    final Holds holds;
    final RecordedCameras recorded;
    final DeletionMarks marks;
    final RetentionRuns runs;
    final RetentionConfig config;

    RetentionHarness(Instant now, Long globalQuotaBytes) throws Exception {
        clock = new io.vigil.kernel.TestClock(now);
        directory = Files.createTempDirectory("vigil-retention");
        s3 = EmbeddedS3Server.start(directory.resolve("objects"), 0, "vigil", "vigil-test-secret");
        store = new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", "vigil-test-secret", "vigil");
        store.ensureBucket();
        db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        spans = new RecordingSpans(db);
        index = new SegmentIndex(db, spans);
        CameraRepository repository = new CameraRepository(
                db, new io.vigil.camera.secret.CredentialCipher(() -> new byte[32], new java.security.SecureRandom()));
        cameras = new CameraRegistry(repository, e -> {}, clock, 30);
        io.vigil.archive.spool.SpoolConfig spool = new io.vigil.archive.spool.SpoolConfig(
                directory.resolve("spool"),
                1L << 26,
                false,
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(30),
                java.time.Duration.ofHours(2),
                1L << 26);
        recorded = new RecordedCameras(
                repository,
                new io.vigil.archive.read.ArchiveReader(index, spans, new io.vigil.archive.spool.SegmentSpool(spool)));
        holds = new Holds(db, recorded, clock);
        marks = new DeletionMarks(db);
        runs = new RetentionRuns(db, new io.vigil.kernel.NodeIdentity("test-node"));
        config = new RetentionConfig(
                30, "0 */5 * * * ?", globalQuotaBytes, 90, 1000, true, java.time.Duration.ofMinutes(10), 100_000);
    }

    /** The service, deleting through {@code storeSeenByDeleter} (the real store, or one that fails on purpose). */
    RetentionService service(UnaryOperator<ObjectStore> storeSeenByDeleter) {
        return service(storeSeenByDeleter, config.batchSize());
    }

    RetentionService service(UnaryOperator<ObjectStore> storeSeenByDeleter, int batchSize) {
        RetentionConfig batches = new RetentionConfig(
                config.defaultDays(),
                config.cron(),
                config.maxBytes(),
                config.lowWaterPercent(),
                batchSize,
                config.enabled(),
                config.recentProtection(),
                config.maxSegmentsPerRun());
        io.vigil.archive.ArchiveRemoval archive = new io.vigil.archive.ArchiveRemoval(index, spans);
        SegmentDeleter deleter = new SegmentDeleter(storeSeenByDeleter.apply(store), archive, marks, holds, batches);
        return new RetentionService(
                archive,
                store,
                cameras,
                holds,
                marks,
                deleter,
                runs,
                config,
                clock,
                new SimpleMeterRegistry(),
                new io.vigil.retention.run.RunLock(db, new io.vigil.kernel.NodeIdentity("test-node"), clock));
    }

    RetentionService service() {
        return service(s -> s);
    }

    void camera(String id, int retentionDays, Long maxBytes) {
        cameras.create(
                new CameraRequest(id, id, "rtsp://192.0.2.1/" + id, null, null, null, false, retentionDays, maxBytes));
    }

    /** A camera with a sub stream ({@code {id}.sub} in the archive), each stream kept for its own days and quota. */
    void cameraWithSub(String id, int mainDays, int subDays, Long subMaxBytes) {
        cameras.create(new CameraRequest(
                id,
                id,
                "rtsp://192.0.2.1/" + id,
                null,
                null,
                null,
                false,
                mainDays,
                null,
                null,
                null,
                new io.vigil.camera.StreamsRequest(
                        null,
                        new io.vigil.camera.StreamRequest("rtsp://192.0.2.1/" + id + "-sub", subDays, subMaxBytes)),
                null));
    }

    /** Stores and indexes {@code count} segments of {@code sizeBytes}, 2 s each, back to back from {@code start}. */
    void record(String cameraId, String sessionId, Instant start, int count, int sizeBytes) {
        String initKey = ObjectKeys.initSegment(cameraId, sessionId.repeat(16).getBytes(StandardCharsets.US_ASCII));
        if (index.initSegments().find(initKey).isEmpty()) {
            store.put(initKey, new byte[] {1, 2, 3}, "video/mp4", Map.of());
            index.initSegments().add(new InitSegment(initKey, cameraId, 3, "avc1.64001f", start));
        }
        long sequence = index.nextSequence(cameraId);
        for (int i = 0; i < count; i++, sequence++) {
            Instant t = start.plusSeconds(2L * i);
            String key = ObjectKeys.mediaSegment(cameraId, t, sequence);
            store.put(key, new byte[sizeBytes], "video/iso.segment", Map.of());
            index.add(new Segment(cameraId, sequence, sessionId, t, 2000, sizeBytes, key, initKey, true, null));
        }
    }

    /** Keys of the camera's media segment objects in the store. */
    Set<String> storedSegments(String cameraId) {
        return store.list(cameraId + "/").stream()
                .map(ObjectStore.StoredObject::key)
                .filter(k -> k.endsWith(".m4s"))
                .collect(Collectors.toSet());
    }

    /** Keys of the camera's media segments in the index. */
    Set<String> indexedSegments(String cameraId) {
        Set<String> keys = new HashSet<>();
        index.oldest(cameraId, -1, Integer.MAX_VALUE).forEach(s -> keys.add(s.objectKey()));
        return keys;
    }

    @Override
    public void close() {
        store.close();
        s3.close();
    }
}
