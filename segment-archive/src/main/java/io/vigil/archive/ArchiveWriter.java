package io.vigil.archive;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.VigilException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The archive's write path. Every finished segment is first spooled to local disk, then uploaded in
 * order per camera; its index row is written after the store's acknowledgement and only then is the
 * spool entry removed. A store that is down or slow only makes the spool grow: ingest never waits,
 * and a killed process finds its unsent segments in the spool at the next start.
 */
@Singleton
public class ArchiveWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    static final String MEDIA_SEGMENT_TYPE = "video/iso.segment";
    static final String INIT_SEGMENT_TYPE = "video/mp4";

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
    /** Drafts a lane keeps in memory while waiting for numbering when not even the spool takes them. */
    static final int MAX_HELD_DRAFTS = 32;

    /** One camera's ordered spool writer and uploader. */
    private final class Lane {
        final String cameraId;
        final ExecutorService spooler;
        final ScheduledExecutorService uploader;
        /** Written on the spooler thread only; read elsewhere for a lease's sequence reservation. */
        volatile long nextSequence;
        /** Spooler thread only: reconciliation has succeeded and this lane numbers segments. */
        boolean numbering;
        /** Spooler thread only: drafts waiting for numbering that neither the spool nor its unnumbered area took. */
        final java.util.Deque<SegmentDraft> held = new java.util.ArrayDeque<>();
        volatile boolean failing;
        Duration retryDelay = config.retryInitial();

        Lane(String cameraId) {
            this.cameraId = cameraId;
            this.spooler = Executors.newSingleThreadExecutor(r -> daemon(r, "spool-" + cameraId));
            this.uploader = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "upload-" + cameraId));
            this.nextSequence = Math.max(index.nextSequence(cameraId), spool.maxSequence(cameraId) + 1);
        }
    }

    public ArchiveWriter(ObjectStore store, SegmentIndex index, SegmentSpool spool, SpoolConfig config, Clock clock,
                         ApplicationEventPublisher<ArchiveEvents.StorageTrouble> trouble, MeterRegistry meters,
                         ReconciliationStatus reconciliation, UnnumberedSegments unnumbered) {
        this.meters = meters;
        this.reconciliation = reconciliation;
        this.unnumbered = unnumbered;
        Gauge.builder("vigil.spool.bytes", spool, SegmentSpool::sizeBytes).description("bytes waiting in the spool")
                .baseUnit("bytes").register(meters);
        Gauge.builder("vigil.spool.segments", spool, SegmentSpool::count).description("segments waiting in the spool")
                .register(meters);
        FunctionCounter.builder("vigil.spool.dropped", spool, sp -> sp.dropped() + unnumbered.dropped())
                .description("unsent segments dropped because the spool was full").register(meters);
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
        lane.spooler.execute(() -> {
            if (startNumbering(lane)) {
                number(lane, draft);
            } else {
                waitUnnumbered(lane, draft);
            }
        });
    }

    /** On the spooler thread: numbers a draft, spools it and wakes the uploader. */
    private void number(Lane lane, SegmentDraft draft) {
        String sha256 = Sha256.hex(draft.bytes());
        String initKey = ObjectKeys.initSegment(draft.cameraId(), Sha256.of(draft.init()));
        long sequence = lane.nextSequence++;
        Segment segment = new Segment(draft.cameraId(), sequence, draft.sessionId(), draft.start(),
                draft.durationMillis(), draft.bytes().length,
                ObjectKeys.mediaSegment(draft.cameraId(), draft.start(), sequence), initKey,
                draft.keyframeStart(), sha256);
        try {
            spool.add(segment, draft.codecs(), draft.bytes(), draft.init());
        } catch (VigilException e) {
            meters.counter("vigil.spool.write.errors", "camera", lane.cameraId).increment();
            LOG.error("Camera {}: segment {} could not be spooled ({}); uploading it directly", draft.cameraId(),
                    sequence, e.getMessage());
            storeUnspooled(lane, segment, draft);
            return;
        }
        if (!lane.failing) {
            lane.uploader.execute(() -> drain(lane));
        }
    }

    /** On the spooler thread, before reconciliation has succeeded: the draft waits unnumbered, on disk if it can. */
    private void waitUnnumbered(Lane lane, SegmentDraft draft) {
        try {
            unnumbered.add(draft, spool.sizeBytes());
        } catch (VigilException e) {
            meters.counter("vigil.spool.write.errors", "camera", lane.cameraId).increment();
            if (lane.held.size() < MAX_HELD_DRAFTS) {
                lane.held.addLast(draft);
                LOG.error("Camera {}: segment starting {} could not be spooled ({}); held in memory until numbering "
                        + "starts", lane.cameraId, draft.start(), e.getMessage());
            } else {
                meters.counter("vigil.segments.lost", "camera", lane.cameraId).increment();
                LOG.error("Camera {}: segment starting {} LOST: the spool does not take it and {} wait in memory "
                        + "already", lane.cameraId, draft.start(), lane.held.size());
            }
        }
        trouble.publishEvent(new ArchiveEvents.StorageTrouble(lane.cameraId, reconciliation.waitingMessage(),
                backlog(lane.cameraId)));
    }

    /**
     * On the spooler thread: true once reconciliation has succeeded. The first time, numbers the lane on from above
     * every number the index and the store hold, then numbers what waited, oldest first.
     */
    private boolean startNumbering(Lane lane) {
        if (lane.numbering) {
            return true;
        }
        if (!reconciliation.done()) {
            return false;
        }
        long highestStored = reconciliation.whenDone().join().getOrDefault(lane.cameraId, -1L);
        lane.nextSequence = Math.max(lane.nextSequence, highestStored + 1);
        try {
            lane.nextSequence = Math.max(lane.nextSequence, index.nextSequence(lane.cameraId));
        } catch (VigilException e) {
            LOG.error("Camera {}: cannot read its newest sequence number ({}); numbering from {}", lane.cameraId,
                    e.getMessage(), lane.nextSequence);
        }
        lane.numbering = true;
        for (java.nio.file.Path file : unnumbered.of(lane.cameraId)) {
            java.util.Optional<SegmentDraft> draft = unnumbered.read(file);
            if (draft.isPresent()) {
                while (!lane.held.isEmpty() && lane.held.peekFirst().start().isBefore(draft.get().start())) {
                    number(lane, lane.held.removeFirst());
                }
                if (!alreadyNumbered(draft.get())) {
                    number(lane, draft.get());
                }
            }
            unnumbered.remove(file);
        }
        while (!lane.held.isEmpty()) {
            number(lane, lane.held.removeFirst());
        }
        return true;
    }

    /** A draft left over by a crash between numbering it and removing its unnumbered file. */
    private boolean alreadyNumbered(SegmentDraft draft) {
        String sha256 = Sha256.hex(draft.bytes());
        if (spool.pending(draft.cameraId()).stream().anyMatch(s -> s.segment().start().equals(draft.start())
                && sha256.equals(s.segment().sha256()))) {
            return true;
        }
        try {
            return index.startingBetween(draft.cameraId(), draft.start(), draft.start().plusMillis(1)).stream()
                    .anyMatch(s -> sha256.equals(s.sha256()));
        } catch (VigilException e) {
            return false;
        }
    }

    /** Reconciliation succeeded: every lane numbers what waited, also cameras not recording since. */
    private void numberWaiting() {
        java.util.Set<String> cameras = new java.util.HashSet<>(lanes.keySet());
        cameras.addAll(unnumbered.cameras());
        for (String cameraId : cameras) {
            Lane lane = lane(cameraId);
            lane.spooler.execute(() -> startNumbering(lane));
        }
    }

    /**
     * Makes the camera's next segments take sequence numbers from at least {@code floor}, and above every segment
     * indexed so far: for a node that starts recording a camera another node recorded before (whose segments,
     * some perhaps still in that node's spool, use the numbers below the floor). Returns at once; it takes effect
     * before any segment appended after this call is numbered.
     */
    public void claimSequences(String cameraId, long floor) {
        Lane lane = lane(cameraId);
        lane.spooler.execute(() -> {
            lane.nextSequence = Math.max(lane.nextSequence, floor);
            if (!startNumbering(lane)) {
                return;     // the index is read when numbering starts
            }
            try {
                lane.nextSequence = Math.max(lane.nextSequence, index.nextSequence(cameraId));
            } catch (VigilException e) {
                LOG.error("Camera {}: cannot read its newest sequence number ({}); numbering from {}", cameraId,
                        e.getMessage(), lane.nextSequence);
            }
        });
    }

    /**
     * The sequence number the camera's next segment would take, once every segment handed to {@link #append}
     * before this call has been numbered: the floor for whichever node records the camera next. Throws
     * {@link IllegalStateException} while numbering waits for the start-up reconciliation (there is no exact floor
     * yet: a hand-over then leaves the lease to expire, and the next holder numbers above its reservation).
     */
    public long nextSequence(String cameraId) {
        Lane lane = lane(cameraId);
        return onSpooler(lane, () -> {
            if (!startNumbering(lane)) {
                throw new IllegalStateException("numbering waits for the start-up reconciliation");
            }
            return lane.nextSequence;
        });
    }

    /** The camera's next sequence number as last seen, without waiting for segments being spooled. */
    public long nextSequenceNow(String cameraId) {
        return lane(cameraId).nextSequence;
    }

    private static long onSpooler(Lane lane, java.util.concurrent.Callable<Long> work) {
        try {
            return lane.spooler.submit(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while numbering segments of " + lane.cameraId, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("numbering segments of " + lane.cameraId + " failed: " + e, e);
        }
    }

    /** Starts uploading what an earlier run left in the spool. */
    public void resumeSpooled() {
        for (String cameraId : spool.cameras()) {
            Lane lane = lane(cameraId);
            lane.uploader.execute(() -> drain(lane));
        }
    }

    /** Segments of the camera waiting in the spool, numbered or not. */
    public int backlog(String cameraId) {
        return spool.pending(cameraId).size() + unnumbered.count(cameraId);
    }

    private Lane lane(String cameraId) {
        return lanes.computeIfAbsent(cameraId, Lane::new);
    }

    private void drain(Lane lane) {
        for (SpooledSegment s : spool.pending(lane.cameraId)) {
            try {
                byte[] init = Files.readAllBytes(s.initFile());
                byte[] media = Files.readAllBytes(s.mediaFile());
                store(s.segment(), media, init, s.codecs());
                spool.remove(s);
            } catch (VigilException e) {
                if (e.code() != io.vigil.error.ErrorCode.SEQUENCE_COLLISION) {
                    fail(lane, e.getMessage());
                    return;
                }
                // Retrying cannot help and would stall the camera's lane: leave it in the store, loudly.
                meters.counter("vigil.sequence.collisions", "camera", lane.cameraId).increment();
                LOG.error("Camera {}: segment {} starting {} NOT INDEXED: {}. Its object {} stays in the store with its "
                        + "index row as metadata", lane.cameraId, s.segment().sequence(), s.segment().start(),
                        e.getMessage(), s.segment().objectKey());
                trouble.publishEvent(new ArchiveEvents.StorageTrouble(lane.cameraId, e.getMessage(), backlog(lane.cameraId)));
                spool.remove(s);
            } catch (IOException e) {
                fail(lane, e.getMessage());
                return;
            }
        }
        if (lane.failing) {
            LOG.info("Camera {}: object store answers again; spool drained", lane.cameraId);
        }
        lane.failing = false;
        lane.retryDelay = config.retryInitial();
    }

    private void storeUnspooled(Lane lane, Segment segment, SegmentDraft draft) {
        try {
            store(segment, draft.bytes(), draft.init(), draft.codecs());
        } catch (VigilException e) {
            meters.counter("vigil.store.errors", "camera", lane.cameraId).increment();
            meters.counter("vigil.segments.lost", "camera", lane.cameraId).increment();
            LOG.error("Camera {}: segment {} starting {} LOST: neither the spool nor the store took it: {}",
                    lane.cameraId, segment.sequence(), segment.start(), e.getMessage());
            trouble.publishEvent(new ArchiveEvents.StorageTrouble(lane.cameraId, "segment lost: " + e.getMessage(),
                    backlog(lane.cameraId)));
        }
    }

    /** Object first, then the index row: the index never names an object the store does not have. */
    private void store(Segment s, byte[] media, byte[] init, String codecs) {
        if (index.findInitSegment(s.initKey()).isEmpty()) {
            store.put(s.initKey(), init, INIT_SEGMENT_TYPE, Map.of("vigil-camera", s.cameraId(), "vigil-codecs", codecs));
            index.addInitSegment(new InitSegment(s.initKey(), s.cameraId(), init.length, codecs, clock.instant()));
        }
        long startNanos = System.nanoTime();
        store.put(s.objectKey(), media, MEDIA_SEGMENT_TYPE, SegmentMetadata.of(s));
        meters.timer("vigil.upload", "camera", s.cameraId()).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        index.add(s);
        meters.counter("vigil.segments.written", "camera", s.cameraId()).increment();
        meters.counter("vigil.segments.bytes", "camera", s.cameraId()).increment(media.length);
    }

    private void fail(Lane lane, String message) {
        meters.counter("vigil.store.errors", "camera", lane.cameraId).increment();
        int backlog = backlog(lane.cameraId);
        if (!lane.failing) {
            LOG.error("Camera {}: cannot store segments ({}); keeping them in the spool and retrying", lane.cameraId, message);
        }
        lane.failing = true;
        trouble.publishEvent(new ArchiveEvents.StorageTrouble(lane.cameraId, message, backlog));
        Duration delay = lane.retryDelay;
        lane.retryDelay = delay.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : delay.multipliedBy(2);
        lane.uploader.schedule(() -> drain(lane), delay.toMillis(), TimeUnit.MILLISECONDS);
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
        lanes.values().forEach(l -> l.uploader.shutdown());
        for (Lane l : lanes.values()) {
            try {
                if (!l.uploader.awaitTermination(20, TimeUnit.SECONDS)) {
                    l.uploader.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
