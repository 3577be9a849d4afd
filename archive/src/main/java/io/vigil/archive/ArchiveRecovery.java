package io.vigil.archive;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.VigilException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash or power loss, makes the index and the object store agree again: spooled segments are
 * uploaded, objects without an index row are indexed from their metadata (or removed if that cannot be done),
 * and index rows whose object is missing are reported and removed ({@link Reconciliation} decides each key).
 * Looks back {@code vigil.spool.recovery-window}: a crash can only leave such debris around the time it happened.
 * A pass that fails (store or index unreachable) is retried with the spool's backoff; no segment is numbered
 * before one has succeeded ({@link ReconciliationStatus}).
 */
@Singleton
public class ArchiveRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRecovery.class);

    private final ArchiveWriter writer;
    private final SegmentIndex index;
    private final ObjectStore store;
    private final SegmentSpool spool;
    private final SpoolConfig config;
    private final Clock clock;
    private final ReconciliationStatus status;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archive-recovery");
        t.setDaemon(true);
        return t;
    });

    /**
     * What one reconciliation found and fixed.
     *
     * @param highestStored each reconciled camera's highest sequence number among its objects in the window
     */
    public record Report(int objectsIndexed, int objectsRemoved, int rowsRemoved, Map<String, Long> highestStored) {
        public Report {
            highestStored = Map.copyOf(highestStored);
        }
    }

    public ArchiveRecovery(
            ArchiveWriter writer,
            SegmentIndex index,
            ObjectStore store,
            SegmentSpool spool,
            SpoolConfig config,
            Clock clock,
            ReconciliationStatus status) {
        this.writer = writer;
        this.index = index;
        this.store = store;
        this.spool = spool;
        this.config = config;
        this.clock = clock;
        this.status = status;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        start();
    }

    /** Uploads what the spool holds and starts reconciling, retried until a pass succeeds. */
    public void start() {
        Instant startedAt = clock.instant();
        retries.execute(() -> {
            writer.resumeSpooled();
            attempt(startedAt, config.retryInitial());
        });
    }

    // the retry reports its own failure (status, log) and schedules the next one
    @SuppressWarnings("FutureReturnValueIgnored")
    private void attempt(Instant startedAt, Duration delay) {
        status.running();
        try {
            Report r = reconcile(startedAt.minus(config.recoveryWindow()), startedAt);
            if (r.objectsIndexed() + r.objectsRemoved() + r.rowsRemoved() > 0) {
                LOG.warn(
                        "Start-up reconciliation: {} object(s) indexed from metadata, {} orphan object(s) removed, "
                                + "{} index row(s) without object removed",
                        r.objectsIndexed(),
                        r.objectsRemoved(),
                        r.rowsRemoved());
            }
            status.succeeded(r.highestStored());
        } catch (RuntimeException e) {
            String message = e instanceof VigilException ? e.getMessage() : e.toString();
            status.failed(message);
            LOG.error(
                    "Start-up reconciliation of index and object store failed ({}); segments wait unnumbered in "
                            + "the spool; retrying in {} ms",
                    message,
                    delay.toMillis());
            Duration next =
                    delay.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : delay.multipliedBy(2);
            retries.schedule(() -> attempt(startedAt, next), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reconciles segments starting in {@code [from, to)} for every camera that recorded then. */
    public Report reconcile(Instant from, Instant to) {
        Set<String> cameras = new LinkedHashSet<>(index.byTime().camerasRecordingSince(from));
        cameras.addAll(index.sessions().camerasSince(from));
        int[] counts = new int[3];
        Map<String, Long> highest = new HashMap<>();
        for (String camera : cameras) {
            // the spool first: an entry uploaded meanwhile then has both its object and its row in what follows
            Set<String> spooled = new java.util.HashSet<>();
            spool.pending(camera).forEach(s -> spooled.add(s.segment().objectKey()));
            Map<String, Segment> rows = new HashMap<>();
            for (Segment s : index.byTime().startingBetween(camera, from, to)) {
                rows.put(s.objectKey(), s);
            }
            Map<String, Long> objects = new HashMap<>();
            for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                    hour.isBefore(to);
                    hour = hour.plus(1, ChronoUnit.HOURS)) {
                for (ObjectStore.StoredObject o : store.list(ObjectKeys.hourPrefix(camera, hour))) {
                    objects.put(o.key(), o.sizeBytes());
                    highest.merge(camera, ObjectKeys.sequenceOf(o.key()), Math::max);
                }
            }
            Set<String> keys = new java.util.TreeSet<>(objects.keySet());
            keys.addAll(rows.keySet());
            for (String key : keys) {
                Reconciliation.Facts facts = new Reconciliation.Facts(
                        key,
                        Optional.ofNullable(rows.get(key)),
                        objects.containsKey(key),
                        spooled.contains(key),
                        Reconciliation.startsIn(key, from, to));
                switch (Reconciliation.first(facts)) {
                    case KEEP, SKIP -> {}
                    case REMOVE_ROW -> {
                        Segment s = rows.get(key);
                        index.remove(camera, s.sequence());
                        counts[2]++;
                        LOG.error(
                                "Recovery: index row of segment {} of camera {} ({}) named a missing object; removed",
                                s.sequence(),
                                camera,
                                s.start());
                    }
                    case READ_METADATA -> {
                        int outcome = orphan(camera, key, objects.get(key));
                        if (outcome < 2) {
                            counts[outcome]++;
                        }
                    }
                }
            }
        }
        return new Report(counts[0], counts[1], counts[2], highest);
    }

    /** Indexes or removes an object without a row; returns 0 if indexed, 1 if removed, 2 if left alone. */
    private int orphan(String camera, String key, long sizeBytes) {
        Optional<Segment> fromMeta = store.metadata(key)
                .flatMap(m -> SegmentMetadata.parse(key, sizeBytes, m))
                .filter(s -> s.cameraId().equals(camera) && s.objectKey().equals(key));
        Optional<Segment> sameNumber = fromMeta.flatMap(s -> index.find(camera, s.sequence()));
        if (sameNumber.isPresent() && sameNumber.get().objectKey().equals(key)) {
            return 2; // the upload lane indexed it since the listing
        }
        boolean initIndexed = fromMeta.isPresent()
                && index.initSegments().find(fromMeta.get().initKey()).isPresent();
        Optional<InitSegment> storedInit = fromMeta.isPresent() && !initIndexed
                ? storedInit(camera, fromMeta.get().initKey())
                : Optional.empty();
        Reconciliation.Orphan action =
                Reconciliation.orphan(fromMeta, sameNumber.isPresent(), initIndexed, storedInit.isPresent());
        if (action == Reconciliation.Orphan.REMOVE) {
            store.delete(key);
            LOG.warn("Recovery: orphan object {} removed (no usable metadata or init segment)", key);
            return 1;
        }
        if (action == Reconciliation.Orphan.INDEX_WITH_INIT) {
            index.initSegments().add(storedInit.get());
            LOG.warn(
                    "Recovery: init segment {} had no index row; indexed from its object",
                    storedInit.get().objectKey());
        }
        if (action != Reconciliation.Orphan.LEAVE) {
            try {
                index.add(fromMeta.get());
                LOG.warn("Recovery: object {} had no index row; indexed from its metadata", key);
                return 0;
            } catch (VigilException e) {
                if (e.code() != io.vigil.error.ErrorCode.SEQUENCE_COLLISION) {
                    throw e; // the index is unreachable: the pass fails and is retried
                }
            }
        }
        LOG.error(
                "Recovery: object {} has no index row and its sequence number {} is indexed under another key; left "
                        + "in the store, not indexed",
                key,
                fromMeta.get().sequence());
        return 2;
    }

    /** The init segment as the store holds it, if its object is there with the metadata the writer gives it. */
    private Optional<InitSegment> storedInit(String camera, String initKey) {
        Optional<String> codecs =
                store.metadata(initKey).map(m -> m.get("vigil-codecs")).filter(c -> !c.isBlank());
        if (codecs.isEmpty()) {
            return Optional.empty();
        }
        return store.list(initKey).stream()
                .filter(o -> o.key().equals(initKey) && o.sizeBytes() > 0)
                .findFirst()
                .map(o -> new InitSegment(initKey, camera, o.sizeBytes(), codecs.get(), clock.instant()));
    }

    @PreDestroy
    void close() {
        retries.shutdownNow();
    }
}
