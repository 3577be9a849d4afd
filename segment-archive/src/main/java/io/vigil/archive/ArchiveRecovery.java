package io.vigil.archive;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * After a crash or power loss, makes the index and the object store agree again: spooled segments are
 * uploaded, objects without an index row are indexed from their metadata (or removed if it is
 * incomplete), and index rows whose object is missing are reported and removed. Looks back
 * {@code spool.recovery-window}: a crash can only leave such debris around the time it happened.
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

    /** What one reconciliation found and fixed. */
    public record Report(int objectsIndexed, int objectsRemoved, int rowsRemoved) {
    }

    public ArchiveRecovery(ArchiveWriter writer, SegmentIndex index, ObjectStore store, SegmentSpool spool,
                           SpoolConfig config, Clock clock) {
        this.writer = writer;
        this.index = index;
        this.store = store;
        this.spool = spool;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        Instant startedAt = clock.instant();
        Thread t = new Thread(() -> {
            writer.resumeSpooled();
            try {
                Report r = reconcile(startedAt.minus(config.recoveryWindow()), startedAt);
                if (r.objectsIndexed() + r.objectsRemoved() + r.rowsRemoved() > 0) {
                    LOG.warn("Start-up reconciliation: {} object(s) indexed from metadata, {} orphan object(s) removed, "
                            + "{} index row(s) without object removed", r.objectsIndexed(), r.objectsRemoved(), r.rowsRemoved());
                }
            } catch (VigilException e) {
                LOG.error("Start-up reconciliation of index and object store failed: {}", e.getMessage());
            } finally {
                writer.reconciliationDone();
            }
        }, "archive-recovery");
        t.setDaemon(true);
        t.start();
    }

    /** Reconciles segments starting in {@code [from, to)} for every camera that recorded then. */
    public Report reconcile(Instant from, Instant to) {
        Set<String> cameras = new LinkedHashSet<>(index.camerasRecordingSince(from));
        cameras.addAll(index.camerasWithSessionsSince(from));
        int indexed = 0;
        int removed = 0;
        int rows = 0;
        for (String camera : cameras) {
            Map<String, Segment> byKey = new HashMap<>();
            for (Segment s : index.startingBetween(camera, from, to)) {
                byKey.put(s.objectKey(), s);
            }
            Map<String, Long> objects = new HashMap<>();
            for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
                for (ObjectStore.StoredObject o : store.list(ObjectKeys.hourPrefix(camera, hour))) {
                    objects.put(o.key(), o.sizeBytes());
                }
            }
            for (var o : objects.entrySet()) {
                String key = o.getKey();
                if (byKey.containsKey(key) || !key.endsWith(".m4s") || spooled(camera, key) || !startsBefore(key, to)) {
                    continue;
                }
                Optional<Segment> fromMeta = store.metadata(key).flatMap(m -> SegmentMetadata.parse(key, o.getValue(), m));
                if (fromMeta.isPresent() && index.find(camera, fromMeta.get().sequence()).isPresent()) {
                    continue; // the upload lane, resuming the spool meanwhile, indexed it since the listing
                }
                if (fromMeta.isPresent() && index.findInitSegment(fromMeta.get().initKey()).isPresent()) {
                    try {
                        index.add(fromMeta.get());
                        indexed++;
                        LOG.warn("Recovery: object {} had no index row; indexed from its metadata", key);
                    } catch (VigilException e) {
                        LOG.error("Recovery: object {} could not be indexed ({}); left for the next start", key, e.getMessage());
                    }
                } else {
                    store.delete(key);
                    removed++;
                    LOG.warn("Recovery: orphan object {} removed (no usable metadata or init segment)", key);
                }
            }
            for (Segment s : byKey.values()) {
                if (!objects.containsKey(s.objectKey()) && !spooled(camera, s.objectKey())) {
                    index.remove(camera, s.sequence());
                    rows++;
                    LOG.error("Recovery: index row of segment {} of camera {} ({}) named a missing object; removed",
                            s.sequence(), camera, s.start());
                }
            }
        }
        return new Report(indexed, removed, rows);
    }

    private boolean spooled(String camera, String key) {
        return spool.pending(camera).stream().anyMatch(s -> s.segment().objectKey().equals(key));
    }

    private static boolean startsBefore(String key, Instant to) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        try {
            return Long.parseLong(name.substring(0, name.indexOf('-'))) < to.toEpochMilli();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
