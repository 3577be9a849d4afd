package io.vigil.archive;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.VigilException;
import io.vigil.kernel.hook.SequenceReservations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's write path. Every finished segment is first spooled to local disk, then uploaded in
 * order per camera; its index row is written after the store's acknowledgement and only then is the
 * spool entry removed. A store that is down or slow only makes the spool grow: ingest never waits,
 * and a killed process finds its unsent segments in the spool at the next start.
 *
 * <p>Each camera has a lane: a spooler thread that numbers its segments ({@link SequenceNumbering}, whose state the
 * spooler thread owns) and spools them, and an uploader thread that stores them ({@link SpoolUpload}).
 */
@Singleton
public class ArchiveWriter implements SequenceReservations {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);

    private final ObjectStore store;
    private final SegmentIndex index;
    private final SegmentSpool spool;
    private final SpoolConfig config;
    private final Clock clock;
    private final ApplicationEventPublisher<ArchiveEvents.StorageTrouble> trouble;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final ReconciliationStatus reconciliation;
    private final UnnumberedSegments unnumbered;

    /** One camera's ordered spool writer and uploader. */
    private final class Lane {
        final String cameraId;
        final ExecutorService spooler;
        /** Used on the spooler thread only (but for {@link SequenceNumbering#nextSequenceNow()}). */
        final SequenceNumbering numbering;

        final SpoolUpload upload;

        Lane(String cameraId) {
            this.cameraId = cameraId;
            this.spooler = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "spool-" + cameraId);
                t.setDaemon(true);
                return t;
            });
            this.upload = new SpoolUpload(cameraId, store, index, spool, config, clock, meters, this::report);
            this.numbering = new SequenceNumbering(
                    cameraId, reconciliation, index, spool, unnumbered, meters, this::spoolNumbered, this::report);
        }

        /** On the spooler thread: spools a segment just numbered and wakes the uploader. */
        void spoolNumbered(Segment segment, SegmentDraft draft) {
            try {
                spool.add(segment, draft.codecs(), draft.bytes(), draft.init());
            } catch (VigilException e) {
                meters.counter("vigil.spool.write.errors", "camera", cameraId).increment();
                LOG.error(
                        "Camera {}: segment {} could not be spooled ({}); uploading it directly",
                        draft.cameraId(),
                        segment.sequence(),
                        e.getMessage());
                upload.storeUnspooled(segment, draft);
                return;
            }
            upload.wake();
        }

        /** Tells camera status what is wrong with storing its segments, and how many wait. */
        void report(String message) {
            trouble.publishEvent(new ArchiveEvents.StorageTrouble(cameraId, message, backlog(cameraId)));
        }
    }

    // numbering starts once reconciliation is done; nobody waits for that
    @SuppressWarnings("FutureReturnValueIgnored")
    public ArchiveWriter(
            ObjectStore store,
            SegmentIndex index,
            SegmentSpool spool,
            SpoolConfig config,
            Clock clock,
            ApplicationEventPublisher<ArchiveEvents.StorageTrouble> trouble,
            MeterRegistry meters,
            ReconciliationStatus reconciliation,
            UnnumberedSegments unnumbered) {
        this.meters = meters;
        this.reconciliation = reconciliation;
        this.unnumbered = unnumbered;
        Gauge.builder("vigil.spool.bytes", spool, SegmentSpool::sizeBytes)
                .description("bytes waiting in the spool")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder("vigil.spool.segments", spool, SegmentSpool::count)
                .description("segments waiting in the spool")
                .register(meters);
        Gauge.builder("vigil.spool.cache.bytes", spool, SegmentSpool::cachedBytes)
                .description("bytes of spooled segments also kept in memory for their upload")
                .baseUnit("bytes")
                .register(meters);
        FunctionCounter.builder("vigil.spool.read.backs", spool, SegmentSpool::readBacks)
                .description("files the upload read back from the spool because their bytes were not cached")
                .register(meters);
        FunctionCounter.builder("vigil.spool.dropped", spool, sp -> sp.dropped() + unnumbered.dropped())
                .description("unsent segments dropped because the spool was full")
                .register(meters);
        this.store = store;
        this.index = index;
        this.spool = spool;
        this.config = config;
        this.clock = clock;
        this.trouble = trouble;
        reconciliation.whenDone().thenRun(this::numberWaiting);
    }

    /**
     * Takes a finished segment; returns at once. It is numbered and spooled, then stored and indexed; before the
     * start-up reconciliation has succeeded it waits unnumbered in the spool instead.
     */
    public void append(SegmentDraft draft) {
        Lane lane = lane(draft.cameraId());
        lane.spooler.execute(() -> lane.numbering.take(draft));
    }

    /** Reconciliation succeeded: every lane numbers what waited, also cameras not recording since. */
    private void numberWaiting() {
        Set<String> cameras = new HashSet<>(lanes.keySet());
        cameras.addAll(unnumbered.cameras());
        for (String cameraId : cameras) {
            Lane lane = lane(cameraId);
            lane.spooler.execute(lane.numbering::start);
        }
    }

    @Override
    public void claimSequences(String cameraId, long floor) {
        Lane lane = lane(cameraId);
        lane.spooler.execute(() -> lane.numbering.claim(floor));
    }

    /** Waits for the camera's spooler thread, at most 30 s. */
    @Override
    public long nextSequence(String cameraId) {
        Lane lane = lane(cameraId);
        try {
            return lane.spooler.submit(lane.numbering::nextSequence).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while numbering segments of " + cameraId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("numbering segments of " + cameraId + " failed: " + e, e);
        }
    }

    @Override
    public long nextSequenceNow(String cameraId) {
        return lane(cameraId).numbering.nextSequenceNow();
    }

    /** A camera's connection began: its session row, which its segments' rows refer to. */
    public void openSession(io.vigil.archive.index.RecordingSession session) {
        index.sessions().open(session);
    }

    /** A camera's connection ended at {@code ended}, for {@code reason}. */
    public void closeSession(String sessionId, java.time.Instant ended, String reason) {
        index.sessions().close(sessionId, ended, reason);
    }

    /** Starts uploading what an earlier run left in the spool. */
    public void resumeSpooled() {
        for (String cameraId : spool.cameras()) {
            lane(cameraId).upload.resume();
        }
    }

    /** Segments of the camera waiting in the spool, numbered or not. */
    public int backlog(String cameraId) {
        return spool.pendingCount(cameraId) + unnumbered.count(cameraId);
    }

    private Lane lane(String cameraId) {
        return lanes.computeIfAbsent(cameraId, Lane::new);
    }

    /** Lets spool writes finish; uploads still pending stay in the spool for the next start. */
    @PreDestroy
    public void close() {
        lanes.values().forEach(l -> l.spooler.shutdown());
        for (Lane l : lanes.values()) {
            try {
                l.spooler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.values().forEach(l -> l.upload.shutdown());
        lanes.values().forEach(l -> l.upload.awaitStopped());
    }
}
