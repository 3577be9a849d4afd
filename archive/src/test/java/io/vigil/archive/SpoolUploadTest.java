package io.vigil.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.archive.store.EmbeddedS3Server;
import io.vigil.archive.store.MinioObjectStore;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload lane stores a segment just spooled from the bytes the recorder handed over, kept in the spool cache, and
 * reads the spool's files back only for what is not cached (older segments of a backlog, no cache, a restart).
 * Against the embedded store through the MinIO SDK and an H2 index. Files are changed behind the spool's back to see
 * which bytes the store got: the cached ones, or the files'.
 */
class SpoolUploadTest {

    private static final String CAMERA = "cam";
    private static final String SESSION = "s1";
    private static final String CODECS = "avc1.64001f";

    @TempDir
    Path dir;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private EmbeddedS3Server s3;
    private MinioObjectStore realStore;
    private ArchiveRecoveryTest.FlakyStore store;
    private SegmentIndex index;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3Server.start(dir.resolve("objects"), 0, "vigil", "vigil-test-secret");
        realStore = new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", "vigil-test-secret", "vigil");
        realStore.ensureBucket();
        store = new ArchiveRecoveryTest.FlakyStore(realStore);
        Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        index = new SegmentIndex(db, new RecordingSpans(db));
        index.sessions().open(new RecordingSession(SESSION, CAMERA, now, "h264", null));
    }

    @AfterEach
    void stop() throws Exception {
        realStore.close();
        s3.close();
    }

    private SpoolConfig config(long cacheBytes) {
        return new SpoolConfig(
                dir.resolve("spool"),
                64L * 1024 * 1024,
                false,
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofHours(2),
                cacheBytes);
    }

    private static byte[] init() {
        return "ftyp-moov of the session".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] media(long sequence) {
        return ("moof-mdat of segment " + sequence).getBytes(StandardCharsets.US_ASCII);
    }

    /** The same length as {@link #media}, other bytes: what a file changed behind the spool's back holds. */
    private static byte[] changed(long sequence) {
        return ("MOOF-MDAT OF SEGMENT " + sequence).getBytes(StandardCharsets.US_ASCII);
    }

    private SegmentDraft draft(long i) {
        return new SegmentDraft(CAMERA, SESSION, now.plusSeconds(2 * i), 2000, media(i), true, init(), CODECS);
    }

    /** A writer whose numbering has started (reconciliation passed against the store, up at that time). */
    private ArchiveWriter writer(SegmentSpool spool, SpoolConfig config) throws InterruptedException {
        ReconciliationStatus status = new ReconciliationStatus(Clock.systemUTC());
        ArchiveWriter writer = new ArchiveWriter(
                store,
                index,
                spool,
                config,
                Clock.systemUTC(),
                e -> {},
                new SimpleMeterRegistry(),
                status,
                new UnnumberedSegments(config));
        new ArchiveRecovery(writer, index, store, spool, config, Clock.systemUTC(), status).start();
        await("reconciled", () -> status.progress().phase() == ReconciliationStatus.Phase.DONE);
        return writer;
    }

    private byte[] stored(long sequence) throws Exception {
        Segment s = index.find(CAMERA, sequence).orElseThrow();
        try (InputStream in = realStore.read(s.objectKey(), 0, -1)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theNewestSegmentsAreStoredFromTheBytesHandedOverTheOlderOnesReadBack() throws Exception {
        SpoolConfig config = config(1L << 26);
        SegmentSpool spool = new SegmentSpool(config);
        ArchiveWriter writer = writer(spool, config);
        try {
            store.down = true;
            for (long i = 0; i < 4; i++) {
                writer.append(draft(i));
            }
            await("all four spooled", () -> spool.pendingCount(CAMERA) == 4);
            for (SpooledSegment s : spool.pending(CAMERA)) {
                Files.write(s.mediaFile(), changed(s.segment().sequence()));
            }
            assertEquals(media(2).length + media(3).length, spool.cachedBytes(), "the newest two are cached");
            assertEquals(
                    0, spool.readBacks(), "each try failed at the init segment, cached, before any media was read");
            store.down = false;
            await("stored and indexed", () -> index.count(CAMERA) == 4 && spool.count() == 0);
            assertArrayEquals(changed(0), stored(0), "read back from its file");
            assertArrayEquals(changed(1), stored(1), "read back from its file");
            assertArrayEquals(media(2), stored(2), "stored from memory");
            assertArrayEquals(media(3), stored(3), "stored from memory");
            assertEquals(2, spool.readBacks(), "two media files; the init segment was cached");
            assertEquals(0, spool.cachedBytes());
        } finally {
            writer.close();
        }
    }

    /**
     * The cache is asked for a segment's media only when they are about to be stored, after its init segment: one the
     * cache let go while the store took its time over the init segment is read back from its file (changed here, to
     * tell), not held on the heap by a try begun while it was cached.
     */
    @Test
    void aSegmentTheCacheLetGoWhileItsInitSegmentWasBeingStoredIsReadBackFromItsFile() throws Exception {
        SpoolConfig config = config(1L << 26);
        SegmentSpool spool = new SegmentSpool(config);
        ArchiveWriter writer = writer(spool, config);
        CountDownLatch slow = new CountDownLatch(1);
        try {
            store.slow = slow;
            writer.append(draft(0));
            await("segment 0's init segment on its way to the store", () -> store.slowPuts.get() == 1);
            for (long i = 1; i < 3; i++) {
                writer.append(draft(i));
            }
            await("all three spooled", () -> spool.pendingCount(CAMERA) == 3);
            Files.write(spool.find(CAMERA, 0).orElseThrow().mediaFile(), changed(0));
            assertEquals(media(1).length + media(2).length, spool.cachedBytes(), "segment 0 is no longer cached");
            store.slow = null;
            slow.countDown();
            await("stored and indexed", () -> index.count(CAMERA) == 3 && spool.count() == 0);
            assertArrayEquals(changed(0), stored(0), "read back from its file");
            assertArrayEquals(media(1), stored(1), "stored from memory");
            assertArrayEquals(media(2), stored(2), "stored from memory");
            assertEquals(1, spool.readBacks(), "segment 0's media file; the init segment was cached");
        } finally {
            slow.countDown();
            writer.close();
        }
    }

    @Test
    void segmentsStoredWhileTheStoreAnswersAreNeverReadBack() throws Exception {
        SpoolConfig config = config(1L << 26);
        SegmentSpool spool = new SegmentSpool(config);
        ArchiveWriter writer = writer(spool, config);
        try {
            for (long i = 0; i < 5; i++) {
                writer.append(draft(i));
                long indexed = i + 1;
                await("segment " + i + " indexed", () -> index.count(CAMERA) == indexed);
            }
            await("the spool emptied", () -> spool.count() == 0);
            assertEquals(0, spool.readBacks());
            assertArrayEquals(media(4), stored(4));
        } finally {
            writer.close();
        }
    }

    @Test
    void withoutACacheEveryFileIsReadBackTheInitSegmentOnce() throws Exception {
        SpoolConfig config = config(0);
        SegmentSpool spool = new SegmentSpool(config);
        ArchiveWriter writer = writer(spool, config);
        try {
            for (long i = 0; i < 3; i++) {
                writer.append(draft(i));
            }
            await("stored and indexed", () -> index.count(CAMERA) == 3 && spool.count() == 0);
            assertEquals(4, spool.readBacks(), "three media files and the init segment");
            assertArrayEquals(media(2), stored(2));
        } finally {
            writer.close();
        }
    }

    @Test
    void afterARestartTheSpooledSegmentsAreReadFromTheirFiles() throws Exception {
        SpoolConfig config = config(1L << 26);
        SegmentSpool before = new SegmentSpool(config);
        String initKey = ObjectKeys.initSegment(CAMERA, Sha256.of(init()));
        for (long i = 0; i < 2; i++) {
            Instant start = now.plusSeconds(2 * i);
            before.add(
                    new Segment(
                            CAMERA,
                            i,
                            SESSION,
                            start,
                            2000,
                            media(i).length,
                            ObjectKeys.mediaSegment(CAMERA, start, i),
                            initKey,
                            true,
                            Sha256.hex(media(i))),
                    CODECS,
                    media(i),
                    init());
        }
        SegmentSpool after = new SegmentSpool(config);
        assertEquals(0, after.cachedBytes());
        ArchiveWriter writer = writer(after, config);
        try {
            writer.resumeSpooled();
            await("stored and indexed", () -> index.count(CAMERA) == 2 && after.count() == 0);
            assertEquals(3, after.readBacks(), "two media files and the init segment");
            assertArrayEquals(media(1), stored(1));
        } finally {
            writer.close();
        }
    }

    /** The lane no longer asks the index for the init row before each segment: a row removed since is stored again. */
    @Test
    void anInitSegmentRemovedSinceTheLaneStoredItIsStoredAgain() throws Exception {
        SpoolConfig config = config(1L << 26);
        SegmentSpool spool = new SegmentSpool(config);
        ArchiveWriter writer = writer(spool, config);
        String initKey = ObjectKeys.initSegment(CAMERA, Sha256.of(init()));
        try {
            writer.append(draft(0));
            await("segment 0 indexed", () -> index.count(CAMERA) == 1);
            // retention's way: the segment goes, then its init segment, unused now, object first
            assertEquals(true, index.remove(CAMERA, 0));
            assertEquals(true, index.initSegments().deleteIfUnused(CAMERA, initKey, () -> realStore.delete(initKey)));
            writer.append(draft(1));
            await("segment 1 indexed", () -> index.count(CAMERA) == 1 && spool.count() == 0);
            assertEquals(1, index.find(CAMERA, 1).orElseThrow().sequence());
            assertEquals(
                    init().length,
                    index.initSegments().find(initKey).orElseThrow().sizeBytes());
            try (InputStream in = realStore.read(initKey, 0, -1)) {
                assertArrayEquals(init(), in.readAllBytes());
            }
        } finally {
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
