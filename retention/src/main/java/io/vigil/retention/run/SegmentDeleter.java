package io.vigil.retention.run;

import io.vigil.archive.ArchiveRemoval;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.VigilException;
import io.vigil.retention.RetentionConfig;
import io.vigil.retention.hold.Holds;
import io.vigil.retention.plan.Deletion;
import io.vigil.retention.plan.HeldRange;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phases two and three of a deletion, for every marked segment: per camera, in batches of up to
 * {@code vigil.retention.batch-size} keys, with no hold placed meanwhile, the held ones are unmarked, the objects
 * deleted in one request, then the rows of those the store deleted, then their marks. A refused key stays
 * marked for the next run; a store that is down ends the run with everything left marked. Then init segments
 * no row needs any more go: object first, then row, under the init row's lock.
 */
@Singleton
public class SegmentDeleter {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentDeleter.class);

    private final ObjectStore store;
    private final ArchiveRemoval index;
    private final DeletionMarks marks;
    private final Holds holds;
    private final RetentionConfig config;

    public SegmentDeleter(
            ObjectStore store, ArchiveRemoval index, DeletionMarks marks, Holds holds, RetentionConfig config) {
        this.store = store;
        this.index = index;
        this.marks = marks;
        this.holds = holds;
        this.config = config;
    }

    /** Running totals of one run's deletions. */
    public static final class Tally {
        long deletedAge;
        long deletedQuota;
        long bytes;
        int inits;
        int failed;
        long held;
        final List<String> problems = new ArrayList<>();

        /** Counts segments the plan passed over because a hold keeps them. */
        public void held(long segments) {
            held += segments;
        }

        /** The run's record: its totals, with the store's refusals after {@code details}. */
        public RunSummary summary(
                String trigger, java.time.Instant started, java.time.Instant finished, List<String> details) {
            List<String> all = new ArrayList<>(details);
            all.addAll(problems);
            RunSummary.Outcome outcome = failed > 0 ? RunSummary.Outcome.PARTIAL : RunSummary.Outcome.COMPLETED;
            return new RunSummary(
                    java.util.UUID.randomUUID().toString(),
                    trigger,
                    started,
                    finished,
                    outcome,
                    deletedAge,
                    deletedQuota,
                    bytes,
                    inits,
                    failed,
                    held,
                    all);
        }
    }

    /** Deletes every marked segment; throws {@code STORAGE_UNAVAILABLE} if the store stops answering. */
    public void deleteMarked(Tally tally) {
        Map<String, List<Deletion>> byCamera = new LinkedHashMap<>();
        for (Deletion d : marks.pending()) {
            byCamera.computeIfAbsent(d.segment().cameraId(), k -> new ArrayList<>())
                    .add(d);
        }
        for (Map.Entry<String, List<Deletion>> camera : byCamera.entrySet()) {
            List<Deletion> all = camera.getValue();
            Set<String> initKeys = new LinkedHashSet<>();
            try {
                for (int from = 0; from < all.size(); from += config.batchSize()) {
                    List<Deletion> batch = all.subList(from, Math.min(all.size(), from + config.batchSize()));
                    holds.whileUnchanged(() -> deleteBatch(camera.getKey(), batch, tally, initKeys));
                }
            } finally {
                deleteUnusedInits(camera.getKey(), initKeys, tally);
            }
        }
    }

    private Void deleteBatch(String cameraId, List<Deletion> batch, Tally tally, Set<String> initKeys) {
        // cameraId is the archive's stream key; a hold keeps every stream of its camera
        List<HeldRange> cameraHolds = holds.active().stream()
                .flatMap(h -> h.ranges().stream())
                .filter(r -> r.cameraId().equals(cameraId))
                .toList();
        List<Deletion> kept = new ArrayList<>();
        List<Deletion> going = new ArrayList<>();
        for (Deletion d : batch) {
            (cameraHolds.stream().anyMatch(r -> r.keeps(d.segment())) ? kept : going).add(d);
        }
        marks.unmark(cameraId, kept);
        tally.held += kept.size();
        Map<String, String> refused =
                store.deleteAll(going.stream().map(d -> d.segment().objectKey()).toList());
        List<Deletion> deleted = going.stream()
                .filter(d -> !refused.containsKey(d.segment().objectKey()))
                .toList();
        index.removeAll(
                cameraId,
                deleted.stream().mapToLong(d -> d.segment().sequence()).sorted().toArray());
        marks.unmark(cameraId, deleted);
        for (Deletion d : deleted) {
            tally.bytes += d.segment().sizeBytes();
            if (d.reason() == Deletion.Reason.AGE) {
                tally.deletedAge++;
            } else {
                tally.deletedQuota++;
            }
            initKeys.add(d.segment().initKey());
        }
        if (!refused.isEmpty()) {
            tally.failed += refused.size();
            Map.Entry<String, String> first = refused.entrySet().iterator().next();
            tally.problems.add("camera " + cameraId + ": the store refused to delete " + refused.size()
                    + " object(s), kept marked for the next run; first: " + first.getKey() + " (" + first.getValue()
                    + ")");
        }
        return null;
    }

    private void deleteUnusedInits(String cameraId, Set<String> initKeys, Tally tally) {
        for (String initKey : initKeys) {
            try {
                if (index.deleteInitSegmentIfUnused(cameraId, initKey, () -> store.delete(initKey))) {
                    tally.inits++;
                }
            } catch (VigilException e) {
                LOG.warn("Retention: init segment {} of camera {} not deleted: {}", initKey, cameraId, e.getMessage());
            }
        }
    }
}
