package io.vigil.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.EmbeddedS3Server;
import io.vigil.archive.store.MinioObjectStore;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up reconciliation against a real S3-compatible store (the embedded s3proxy, through the MinIO SDK) and a
 * real index (H2, Flyway-migrated), each put by hand in the state a crash leaves, one branch per test; and numbering,
 * which waits for a pass that succeeds.
 */
class ArchiveRecoveryTest {

    private static final String CAMERA = "cam";
    // one recent instant shared by the class's tests on purpose
    @SuppressWarnings("TimeInStaticInitializer")
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static final Instant T0 = NOW.minusSeconds(600);
    private static final String SESSION = "s1";

    @TempDir
    Path dir;

    private EmbeddedS3Server s3;
    private MinioObjectStore realStore;
    private FlakyStore store;
    private SegmentIndex index;
    private RecordingSpans spans;
    private SpoolConfig config;
    private String initKey;
    private final List<ArchiveEvents.StorageTrouble> troubles = new CopyOnWriteArrayList<>();

    /** The real store, failing every call as an unreachable one would while {@code down}. */
    static final class FlakyStore implements ObjectStore {
        final ObjectStore real;
        volatile boolean down;
        /** Thrown by the next {@code put}s while set: a failure no code path expects (a bug, an SDK surprise). */
        volatile RuntimeException surprise;

        FlakyStore(ObjectStore real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "object store unreachable (test)");
            }
        }

        /** While set, a {@code put} that the store takes waits (at most 20 s) for it to open: a store slow to answer. */
        volatile CountDownLatch slow;
        /** The {@code put}s that waited for {@link #slow}, or wait for it now. */
        final AtomicInteger slowPuts = new AtomicInteger();

        private void answerSlowly() {
            CountDownLatch gate = slow;
            if (gate != null) {
                slowPuts.incrementAndGet();
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
            check();
            if (surprise != null) {
                throw surprise;
            }
            answerSlowly();
            real.put(key, bytes, contentType, metadata);
        }

        @Override
        public void put(String key, byte[] bytes, String sha256Hex, String contentType, Map<String, String> metadata) {
            check();
            if (surprise != null) {
                throw surprise;
            }
            answerSlowly();
            real.put(key, bytes, sha256Hex, contentType, metadata);
        }

        @Override
        public Optional<Map<String, String>> metadata(String key) {
            check();
            return real.metadata(key);
        }

        @Override
        public void delete(String key) {
            check();
            real.delete(key);
        }

        @Override
        public Map<String, String> deleteAll(List<String> keys) {
            check();
            return real.deleteAll(keys);
        }

        @Override
        public InputStream read(String key, long offsetBytes, long lengthBytes) {
            check();
            return real.read(key, offsetBytes, lengthBytes);
        }

        @Override
        public boolean holdsAnyUnder(String prefix) {
            check();
            return real.holdsAnyUnder(prefix);
        }

        @Override
        public List<StoredObject> list(String prefix) {
            check();
            return real.list(prefix);
        }

        @Override
        public String presignedGet(String key, Duration validFor) {
            return real.presignedGet(key, validFor);
        }

        @Override
        public boolean reachable() {
            return !down && real.reachable();
        }
    }

    @BeforeEach
    void start() {
        s3 = EmbeddedS3Server.start(dir.resolve("objects"), 0, "vigil", "vigil-test-secret");
        realStore = new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", "vigil-test-secret", "vigil");
        realStore.ensureBucket();
        store = new FlakyStore(realStore);
        Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        spans = new RecordingSpans(db);
        index = new SegmentIndex(db, spans);
        config = new SpoolConfig(
                dir.resolve("spool"),
                64L * 1024 * 1024,
                false,
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofHours(2),
                1L << 26);
        initKey = ObjectKeys.initSegment(CAMERA, Sha256.of(init()));
        index.sessions().open(new RecordingSession(SESSION, CAMERA, T0, "h264", null));
    }

    @AfterEach
    void stop() throws Exception {
        realStore.close();
        s3.close();
    }

    private static byte[] init() {
        return "ftyp-moov of the session".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] media(long sequence) {
        return ("moof-mdat of segment " + sequence).getBytes(StandardCharsets.US_ASCII);
    }

    private Segment segment(long sequence) {
        Instant start = T0.plusSeconds(2 * sequence);
        return new Segment(
                CAMERA,
                sequence,
                SESSION,
                start,
                2000,
                media(sequence).length,
                ObjectKeys.mediaSegment(CAMERA, start, sequence),
                initKey,
                true,
                Sha256.hex(media(sequence)));
    }

    /** The init segment as the writer stores it: object with its metadata, then its row. */
    private void storeInit(boolean indexed) {
        realStore.put(
                initKey,
                init(),
                SpoolUpload.INIT_SEGMENT_TYPE,
                Map.of("vigil-camera", CAMERA, "vigil-codecs", "avc1.64001f"));
        if (indexed) {
            index.initSegments().add(new InitSegment(initKey, CAMERA, init().length, "avc1.64001f", T0));
        }
    }

    private void storeObject(long sequence) {
        realStore.put(
                segment(sequence).objectKey(),
                media(sequence),
                SpoolUpload.MEDIA_SEGMENT_TYPE,
                SegmentMetadata.of(segment(sequence)));
    }

    /** Segments as the writer leaves them: object, then row. */
    private void record(long... sequences) {
        for (long s : sequences) {
            storeObject(s);
            index.add(segment(s));
        }
    }

    private boolean stored(long sequence) {
        return realStore.metadata(segment(sequence).objectKey()).isPresent();
    }

    private ArchiveRecovery.Report reconcile(SegmentSpool spool) {
        ReconciliationStatus status = new ReconciliationStatus(Clock.systemUTC());
        ArchiveWriter writer = writer(spool, status, new UnnumberedSegments(config));
        return new ArchiveRecovery(writer, index, store, spool, config, Clock.systemUTC(), status)
                .reconcile(NOW.minus(config.recoveryWindow()), NOW);
    }

    private ArchiveWriter writer(SegmentSpool spool, ReconciliationStatus status, UnnumberedSegments unnumbered) {
        return new ArchiveWriter(
                store,
                index,
                spool,
                config,
                Clock.systemUTC(),
                troubles::add,
                new SimpleMeterRegistry(),
                status,
                unnumbered);
    }

    @Test
    void objectsWhoseRowsALostCommitTookAreIndexedFromTheirMetadata() {
        storeInit(true);
        record(0, 1, 2);
        storeObject(3); // stored, then the process died before (or H2 lost) the row
        storeObject(4);

        ArchiveRecovery.Report report = reconcile(new SegmentSpool(config));

        assertEquals(new ArchiveRecovery.Report(2, 0, 0, Map.of(CAMERA, 4L)), report);
        assertEquals(segment(3), index.find(CAMERA, 3).orElseThrow(), "the row as the writer had written it");
        assertEquals(segment(4), index.find(CAMERA, 4).orElseThrow());
        assertEquals(5, index.count(CAMERA));
        assertEquals(minutesOf(0, 1, 2, 3, 4), minutes(), "rows indexed from metadata count in their minutes");
    }

    @Test
    void anObjectWhoseInitRowIsLostToIsIndexedWithItsInitSegment() {
        storeInit(false);
        storeObject(0);

        assertEquals(new ArchiveRecovery.Report(1, 0, 0, Map.of(CAMERA, 0L)), reconcile(new SegmentSpool(config)));
        InitSegment init = index.initSegments().find(initKey).orElseThrow();
        assertEquals(
                List.of(CAMERA, (long) init().length, "avc1.64001f"),
                List.of(init.cameraId(), init.sizeBytes(), init.codecs()));
        assertEquals(segment(0), index.find(CAMERA, 0).orElseThrow());
    }

    @Test
    void orphansThatCannotBeIndexedAreRemoved() {
        storeInit(true);
        record(0);
        Segment noMetadata = segment(1);
        realStore.put(noMetadata.objectKey(), media(1), SpoolUpload.MEDIA_SEGMENT_TYPE, Map.of());
        Segment brokenMetadata = segment(2);
        Map<String, String> broken = new java.util.HashMap<>(SegmentMetadata.of(brokenMetadata));
        broken.put("vigil-start", "not a time");
        realStore.put(brokenMetadata.objectKey(), media(2), SpoolUpload.MEDIA_SEGMENT_TYPE, broken);
        Segment otherInit = new Segment(
                CAMERA,
                3,
                SESSION,
                T0.plusSeconds(6),
                2000,
                media(3).length,
                ObjectKeys.mediaSegment(CAMERA, T0.plusSeconds(6), 3),
                CAMERA + "/init/ffeeddccbbaa99887766554433221100.mp4",
                true,
                Sha256.hex(media(3)));
        realStore.put(otherInit.objectKey(), media(3), SpoolUpload.MEDIA_SEGMENT_TYPE, SegmentMetadata.of(otherInit));
        Segment otherCamera = new Segment(
                "elsewhere",
                4,
                SESSION,
                T0.plusSeconds(8),
                2000,
                media(4).length,
                ObjectKeys.mediaSegment(CAMERA, T0.plusSeconds(8), 4),
                initKey,
                true,
                Sha256.hex(media(4)));
        realStore.put(
                otherCamera.objectKey(), media(4), SpoolUpload.MEDIA_SEGMENT_TYPE, SegmentMetadata.of(otherCamera));

        assertEquals(new ArchiveRecovery.Report(0, 4, 0, Map.of(CAMERA, 4L)), reconcile(new SegmentSpool(config)));
        assertTrue(stored(0));
        for (String key : List.of(
                noMetadata.objectKey(), brokenMetadata.objectKey(), otherInit.objectKey(), otherCamera.objectKey())) {
            assertFalse(realStore.metadata(key).isPresent(), key + " removed");
        }
        assertEquals(1, index.count(CAMERA));
    }

    @Test
    void rowsWhoseObjectIsMissingAreRemovedAndTheSpanSplit() {
        storeInit(true);
        record(0, 1, 2, 3);
        realStore.delete(segment(1).objectKey());
        realStore.delete(segment(2).objectKey());

        assertEquals(new ArchiveRecovery.Report(0, 0, 2, Map.of(CAMERA, 3L)), reconcile(new SegmentSpool(config)));
        assertEquals(
                List.of(0L, 3L),
                index.newest(CAMERA, 10).stream().map(Segment::sequence).toList());
        assertEquals(
                List.of(List.of(0L, 0L), List.of(3L, 3L)),
                spans.all(CAMERA).stream()
                        .map(sp -> List.of(sp.firstSequence(), sp.lastSequence()))
                        .toList(),
                "the span is split at the hole");
        assertEquals(minutesOf(0, 3), minutes(), "removed rows leave their minutes");
    }

    private List<io.vigil.archive.index.MinuteTotal> minutesOf(long... sequences) {
        return io.vigil.archive.index.IndexTestRows.minutesOf(
                java.util.Arrays.stream(sequences).mapToObj(this::segment).toList());
    }

    private List<io.vigil.archive.index.MinuteTotal> minutes() {
        return index.minutes().between(CAMERA, T0.minusSeconds(3600), T0.plusSeconds(3600));
    }

    @Test
    void spooledSegmentsAreLeftToTheUploadLaneAndAgreementIsKept() {
        storeInit(true);
        record(0);
        SegmentSpool spool = new SegmentSpool(config);
        spool.add(segment(1), "avc1.64001f", media(1), init()); // neither stored nor indexed yet
        Segment uploaded = segment(2);
        spool.add(uploaded, "avc1.64001f", media(2), init()); // stored, the row not yet written
        storeObject(2);

        assertEquals(new ArchiveRecovery.Report(0, 0, 0, Map.of(CAMERA, 2L)), reconcile(spool));
        assertTrue(stored(0) && stored(2));
        assertEquals(
                List.of(0L),
                index.newest(CAMERA, 10).stream().map(Segment::sequence).toList());
    }

    @Test
    void anObjectWhoseNumberIsIndexedUnderAnotherKeyIsLeftInTheStore() {
        storeInit(true);
        record(0);
        Segment clash = new Segment(
                CAMERA,
                0,
                SESSION,
                T0.plusSeconds(30),
                2000,
                media(9).length,
                ObjectKeys.mediaSegment(CAMERA, T0.plusSeconds(30), 0),
                initKey,
                true,
                Sha256.hex(media(9)));
        realStore.put(clash.objectKey(), media(9), SpoolUpload.MEDIA_SEGMENT_TYPE, SegmentMetadata.of(clash));

        assertEquals(new ArchiveRecovery.Report(0, 0, 0, Map.of(CAMERA, 0L)), reconcile(new SegmentSpool(config)));
        assertTrue(realStore.metadata(clash.objectKey()).isPresent(), "footage is not deleted for a clash");
        assertEquals(segment(0), index.find(CAMERA, 0).orElseThrow());
    }

    @Test
    void nothingIsNumberedUntilAPassSucceedsThenNumberingGoesOnAboveEveryStoredObject() throws Exception {
        storeInit(true);
        record(0, 1, 2);
        storeObject(3); // the row lost with H2's last commits: only the store knows number 3 is taken
        store.down = true;
        SegmentSpool spool = new SegmentSpool(config);
        ReconciliationStatus status = new ReconciliationStatus(Clock.systemUTC());
        UnnumberedSegments unnumbered = new UnnumberedSegments(config);
        ArchiveWriter writer = writer(spool, status, unnumbered);
        ArchiveRecovery recovery = new ArchiveRecovery(writer, index, store, spool, config, Clock.systemUTC(), status);
        try {
            recovery.start();
            await("the first pass fails", () -> status.progress().phase() == ReconciliationStatus.Phase.FAILED);
            assertEquals("object store unreachable (test)", status.progress().error());
            Instant recorded = NOW.plusSeconds(1);
            writer.append(new SegmentDraft(CAMERA, "s2", recorded, 1000, media(100), true, init(), "avc1.64001f"));
            writer.append(new SegmentDraft(
                    CAMERA, "s2", recorded.plusSeconds(1), 1000, media(101), true, init(), "avc1.64001f"));
            await("both wait unnumbered", () -> unnumbered.count(CAMERA) == 2);
            await("several passes failed", () -> status.progress().attempts() >= 3);
            assertEquals(0, spool.pending(CAMERA).size(), "nothing numbered");
            IllegalStateException noFloor =
                    assertThrows(IllegalStateException.class, () -> writer.nextSequence(CAMERA));
            assertTrue(
                    noFloor.getMessage().contains("numbering waits for the start-up reconciliation"),
                    noFloor.getMessage());
            assertEquals(2, writer.backlog(CAMERA));
            await("camera status says why", () -> !troubles.isEmpty());
            assertTrue(
                    troubles.get(0)
                            .message()
                            .startsWith("segments wait unnumbered in the spool until the start-up "
                                    + "reconciliation succeeds (FAILED: object store unreachable (test))"),
                    troubles.get(0).message());

            store.down = false;
            await("a pass succeeds", () -> status.progress().phase() == ReconciliationStatus.Phase.DONE);
            await("the waiting segments are stored and indexed", () -> index.count(CAMERA) == 6);
            assertEquals(
                    List.of(0L, 1L, 2L, 3L, 4L, 5L),
                    index.newest(CAMERA, 10).stream().map(Segment::sequence).toList());
            assertEquals(
                    Sha256.hex(media(100)), index.find(CAMERA, 4).orElseThrow().sha256(), "numbered above object 3");
            assertEquals(
                    Sha256.hex(media(101)), index.find(CAMERA, 5).orElseThrow().sha256());
            assertEquals(0, unnumbered.count(CAMERA));
            assertEquals(6, writer.nextSequence(CAMERA));
        } finally {
            recovery.close();
            writer.close();
        }
    }

    /** An upload lane whose drain met an unexpected exception used to stop for good, its segments left spooled. */
    @Test
    void anUnexpectedUploadFailureIsReportedAndRetriedLikeAnUnreachableStore() throws Exception {
        SegmentSpool spool = new SegmentSpool(config);
        ReconciliationStatus status = new ReconciliationStatus(Clock.systemUTC());
        ArchiveWriter writer = writer(spool, status, new UnnumberedSegments(config));
        new ArchiveRecovery(writer, index, store, spool, config, Clock.systemUTC(), status).start();
        await("reconciled", () -> status.progress().phase() == ReconciliationStatus.Phase.DONE);
        store.surprise = new IllegalStateException("SDK surprise (test)");
        try {
            writer.append(new SegmentDraft(CAMERA, "s1", NOW, 1000, media(0), true, init(), "avc1.64001f"));
            await("the camera status says why", () -> !troubles.isEmpty());
            assertTrue(
                    troubles.get(0).message().contains("SDK surprise (test)"),
                    troubles.get(0).message());
            assertEquals(1, writer.backlog(CAMERA), "kept in the spool");
            writer.append(
                    new SegmentDraft(CAMERA, "s1", NOW.plusSeconds(1), 1000, media(1), true, init(), "avc1.64001f"));
            store.surprise = null;
            await("both are stored by the retry", () -> index.count(CAMERA) == 2);
            assertEquals(0, writer.backlog(CAMERA));
        } finally {
            store.surprise = null;
            writer.close();
        }
    }

    @Test
    void unnumberedSegmentsSurviveARestartAndAreNumberedOnceInOrder() throws Exception {
        storeInit(true);
        record(0);
        UnnumberedSegments before = new UnnumberedSegments(config);
        for (int i = 2; i >= 0; i--) { // written out of order: numbered by start
            before.add(
                    new SegmentDraft(
                            CAMERA, "s2", NOW.plusSeconds(i), 1000, media(200 + i), true, init(), "avc1.64001f"),
                    0);
        }
        java.nio.file.Files.writeString(dir.resolve("spool/cam/unnumbered/1-99.draft"), "not a draft");
        // a crash after numbering the first draft into the spool, before removing its unnumbered file
        SegmentSpool spool = new SegmentSpool(config);
        Segment numberedBefore = new Segment(
                CAMERA,
                1,
                "s2",
                NOW,
                1000,
                media(200).length,
                ObjectKeys.mediaSegment(CAMERA, NOW, 1),
                initKey,
                true,
                Sha256.hex(media(200)));
        spool.add(numberedBefore, "avc1.64001f", media(200), init());

        ReconciliationStatus status = new ReconciliationStatus(Clock.systemUTC());
        UnnumberedSegments after = new UnnumberedSegments(config);
        assertEquals(4, after.count(CAMERA));
        ArchiveWriter writer = writer(spool, status, after);
        ArchiveRecovery recovery = new ArchiveRecovery(writer, index, store, spool, config, Clock.systemUTC(), status);
        try {
            recovery.start();
            await("stored and indexed", () -> index.count(CAMERA) == 4 && spool.count() == 0);
            assertEquals(
                    List.of(Sha256.hex(media(200)), Sha256.hex(media(201)), Sha256.hex(media(202))),
                    index.newest(CAMERA, 3).stream().map(Segment::sha256).toList(),
                    "each once, in recording order");
            assertEquals(0, after.count(CAMERA), "the unreadable file is removed too");
        } finally {
            recovery.close();
            writer.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
