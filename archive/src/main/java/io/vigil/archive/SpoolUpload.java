package io.vigil.archive;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's upload: stores the segments its lane spooled, in sequence order, each object first and then its index
 * row (the index never names an object the store does not have), and removes a spool entry only after both. While the
 * store or the index fails, the segments stay in the spool and the drain is retried after a delay that doubles from
 * {@code vigil.spool.retry-initial} up to {@code vigil.spool.retry-max}; ingest never waits for it.
 *
 * <p>Thread confinement: drains run on the camera's own uploader thread, which owns the retry delay; {@code failing}
 * is also read by the lane's spooler thread ({@link #wake()}). {@link #storeUnspooled} runs on its caller's thread
 * and touches neither.
 */
final class SpoolUpload {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolUpload.class);
    static final String MEDIA_SEGMENT_TYPE = "video/iso.segment";
    static final String INIT_SEGMENT_TYPE = "video/mp4";

    private final String cameraId;
    private final ObjectStore store;
    private final SegmentIndex index;
    private final SegmentSpool spool;
    private final SpoolConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Consumer<String> trouble;
    private final ScheduledExecutorService uploader;
    /** Written on the uploader thread only: the last drain stopped at a failure and a retry is scheduled. */
    private volatile boolean failing;
    /** Uploader thread only. */
    private Duration retryDelay;
    /** Uploader thread only: the init segment the lane's last stored segment needed, indexed then; or null. */
    private String indexedInitKey;
    /** A drain is queued and has not begun: waking the lane again adds nothing. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /** {@code trouble} tells camera status what went wrong (the lane adds the backlog). */
    SpoolUpload(
            String cameraId,
            ObjectStore store,
            SegmentIndex index,
            SegmentSpool spool,
            SpoolConfig config,
            Clock clock,
            MeterRegistry meters,
            Consumer<String> trouble) {
        this.cameraId = cameraId;
        this.store = store;
        this.index = index;
        this.spool = spool;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.trouble = trouble;
        this.retryDelay = config.retryInitial();
        this.uploader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upload-" + cameraId);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A segment was spooled: drains at once, unless a retry after a failure is scheduled already or a drain not yet
     * begun will find it (a drain goes on to the segments spooled while it runs).
     */
    void wake() {
        if (!failing && drainQueued.compareAndSet(false, true)) {
            uploader.execute(this::drain);
        }
    }

    /** Drains what an earlier run left in the spool. */
    void resume() {
        uploader.execute(this::drain);
    }

    /** Stores a segment the spool did not take, on the caller's thread; counted and reported as lost if it fails. */
    void storeUnspooled(Segment segment, SegmentDraft draft) {
        try {
            store(segment, () -> new Media(draft.bytes(), true), draft::init, draft.codecs(), false);
        } catch (VigilException | IOException e) {
            meters.counter("vigil.store.errors", "camera", cameraId).increment();
            meters.counter("vigil.segments.lost", "camera", cameraId).increment();
            LOG.error(
                    "Camera {}: segment {} starting {} LOST: neither the spool nor the store took it: {}",
                    cameraId,
                    segment.sequence(),
                    segment.start(),
                    e.getMessage());
            trouble.accept("segment lost: " + e.getMessage());
        }
    }

    /** Takes no more drains; the one running and those queued still run. */
    void shutdown() {
        uploader.shutdown();
    }

    /** After {@link #shutdown()}: waits up to 20 s for the drain running, then interrupts it. */
    void awaitStopped() {
        try {
            if (!uploader.awaitTermination(20, TimeUnit.SECONDS)) {
                uploader.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        drainQueued.set(false);
        long after = -1;
        for (Optional<SpooledSegment> next = spool.next(cameraId, after);
                next.isPresent();
                next = spool.next(cameraId, after)) {
            SpooledSegment s = next.get();
            after = s.segment().sequence();
            try {
                String initKey = s.segment().initKey();
                store(
                        s.segment(),
                        () -> mediaOf(s),
                        () -> spool.initBytes(s),
                        s.codecs(),
                        initKey.equals(indexedInitKey));
                indexedInitKey = initKey;
                spool.remove(s);
            } catch (VigilException e) {
                if (e.code() != ErrorCode.SEQUENCE_COLLISION) {
                    fail(e.getMessage());
                    return;
                }
                // Retrying cannot help and would stall the camera's lane: leave it in the store, loudly.
                meters.counter("vigil.sequence.collisions", "camera", cameraId).increment();
                LOG.error(
                        "Camera {}: segment {} starting {} NOT INDEXED: {}. Its object {} stays in the store with its "
                                + "index row as metadata",
                        cameraId,
                        s.segment().sequence(),
                        s.segment().start(),
                        e.getMessage(),
                        s.segment().objectKey());
                trouble.accept(e.getMessage());
                spool.remove(s);
            } catch (IOException e) {
                fail(e.getMessage());
                return;
            } catch (RuntimeException e) {
                // Unexpected (a bug, a library's surprise): a drain that threw would never be retried.
                LOG.error(
                        "Camera {}: storing segment {} failed unexpectedly",
                        cameraId,
                        s.segment().sequence(),
                        e);
                fail(e.toString());
                return;
            }
        }
        if (failing) {
            LOG.info("Camera {}: object store answers again; spool drained", cameraId);
        }
        failing = false;
        retryDelay = config.retryInitial();
    }

    /** Bytes fetched only when they are about to be stored: from the spool cache, or read from a spool file. */
    @FunctionalInterface
    interface Lazy<T> {
        T get() throws IOException;
    }

    /** A segment's media bytes; {@code handedOver}: the very bytes its recorded SHA-256 was computed from. */
    @SuppressWarnings("ArrayRecordComponent") // passed on to the store, never compared
    private record Media(byte[] bytes, boolean handedOver) {}

    /**
     * Looked up only once the init segment is stored, right before the media: a segment the cache let go while its
     * init segment was being stored (or the store kept refusing it) is read back from its file, not held on the heap.
     */
    private Media mediaOf(SpooledSegment s) throws IOException {
        Optional<byte[]> handedOver = spool.handedOverMedia(s);
        return handedOver.isPresent() ? new Media(handedOver.get(), true) : new Media(spool.mediaBytes(s), false);
    }

    /**
     * Object first, then the index row: the index never names an object the store does not have. The init segment is
     * stored (and its bytes fetched) only when the index lacks it; {@code initKnownIndexed} skips asking: the lane
     * indexed it with its last segment. Should the row have gone since (retention removes an init segment no row
     * needs), {@link SegmentIndex#add} refuses the segment, the drain fails, and the retry asks again.
     */
    private void store(
            Segment s, Lazy<Media> mediaBytes, Lazy<byte[]> initBytes, String codecs, boolean initKnownIndexed)
            throws IOException {
        if (!initKnownIndexed && index.initSegments().find(s.initKey()).isEmpty()) {
            byte[] init = initBytes.get();
            store.put(
                    s.initKey(), init, INIT_SEGMENT_TYPE, Map.of("vigil-camera", s.cameraId(), "vigil-codecs", codecs));
            index.initSegments().add(new InitSegment(s.initKey(), s.cameraId(), init.length, codecs, clock.instant()));
        }
        Media fetched = mediaBytes.get();
        byte[] media = fetched.bytes();
        long startNanos = System.nanoTime();
        store.put(
                s.objectKey(),
                media,
                sha256(s, media, fetched.handedOver()),
                MEDIA_SEGMENT_TYPE,
                SegmentMetadata.of(s));
        meters.timer("vigil.upload", "camera", s.cameraId())
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        index.add(s);
        meters.counter("vigil.segments.written", "camera", s.cameraId()).increment();
        meters.counter("vigil.segments.bytes", "camera", s.cameraId()).increment(media.length);
    }

    /**
     * The SHA-256 of the bytes about to be stored, which the store checks them against: the one recorded with the
     * segment when these are the bytes it was computed from, else computed now. A spool file that no longer matches
     * the recorded hash is still stored, as it is (refusing it would stall the camera's lane for good), and said
     * loudly; its index row keeps the recorded hash, so verification reports the object as altered.
     */
    private String sha256(Segment s, byte[] media, boolean handedOver) {
        if (handedOver && s.sha256() != null) {
            return s.sha256();
        }
        String actual = Sha256.hex(media);
        if (s.sha256() != null && !actual.equals(s.sha256())) {
            meters.counter("vigil.spool.altered", "camera", cameraId).increment();
            LOG.error(
                    "Camera {}: spool file of segment {} changed since it was recorded (SHA-256 {}, recorded {}); "
                            + "storing it as it is, its index row keeps the recorded hash",
                    cameraId,
                    s.sequence(),
                    actual,
                    s.sha256());
        }
        return actual;
    }

    // the retried drain reports store and spool failures through fail()
    @SuppressWarnings("FutureReturnValueIgnored")
    private void fail(String message) {
        meters.counter("vigil.store.errors", "camera", cameraId).increment();
        indexedInitKey = null;
        if (!failing) {
            LOG.error(
                    "Camera {}: cannot store segments ({}); keeping them in the spool and retrying", cameraId, message);
        }
        failing = true;
        trouble.accept(message);
        Duration delay = retryDelay;
        retryDelay = delay.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : delay.multipliedBy(2);
        uploader.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
