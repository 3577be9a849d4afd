package io.vigil.archive;

import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the index, the object store and the spool hold for one camera and range and compares them
 * ({@link ArchiveCheck}). Read-only: it reports, it never repairs (start-up reconciliation does).
 */
@Singleton
public class ArchiveChecker {

    /** The longest range one check covers: a check lists every object in it. */
    public static final Duration MAX_RANGE = Duration.ofHours(24);

    private final SegmentIndex index;
    private final ObjectStore store;
    private final SegmentSpool spool;
    private final UnnumberedSegments unnumbered;

    public ArchiveChecker(SegmentIndex index, ObjectStore store, SegmentSpool spool, UnnumberedSegments unnumbered) {
        this.index = index;
        this.store = store;
        this.spool = spool;
        this.unnumbered = unnumbered;
    }

    /** Checks the camera's segments starting in the range; 400 {@code INVALID_RANGE} past {@link #MAX_RANGE}. */
    public ArchiveCheck.Report check(String cameraId, TimeRange range) {
        bounded(range);
        Instant start = range.start();
        Instant end = range.end();
        List<Segment> spooled = new java.util.ArrayList<>(spooled(cameraId, start, end));
        Map<String, Long> objects = new HashMap<>();
        for (Instant hour = start.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(end);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            for (ObjectStore.StoredObject o : store.list(ObjectKeys.hourPrefix(cameraId, hour))) {
                if (Reconciliation.startsIn(o.key(), start, end)) {
                    objects.put(o.key(), o.sizeBytes());
                }
            }
        }
        List<Segment> rows = new java.util.ArrayList<>(index.byTime().startingBetween(cameraId, start, end));
        ArchiveCheck.Report report =
                ArchiveCheck.compare(cameraId, start, end, rows, objects, spooled, unnumbered.count(cameraId));
        if (report.discrepancies().stream().noneMatch(d -> d.kind() == ArchiveCheck.Kind.OBJECT_WITHOUT_ROW)) {
            return report;
        }
        // An object listed before the upload lane wrote its row: look again at the spool and at those rows.
        spooled(cameraId, start, end).stream().filter(s -> !spooled.contains(s)).forEach(spooled::add);
        for (ArchiveCheck.Discrepancy d : report.discrepancies()) {
            if (d.kind() == ArchiveCheck.Kind.OBJECT_WITHOUT_ROW && d.sequence() >= 0) {
                index.find(cameraId, d.sequence())
                        .filter(r -> r.objectKey().equals(d.objectKey()))
                        .ifPresent(rows::add);
            }
        }
        return ArchiveCheck.compare(cameraId, start, end, rows, objects, spooled, unnumbered.count(cameraId));
    }

    /** The range, if a check may cover it; else 400 {@code INVALID_RANGE}. */
    public static TimeRange bounded(TimeRange range) {
        if (Duration.between(range.start(), range.end()).compareTo(MAX_RANGE) > 0) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE,
                    "a check covers at most " + MAX_RANGE.toHours() + " h; ask for a shorter range");
        }
        return range;
    }

    private List<Segment> spooled(String cameraId, Instant start, Instant end) {
        return spool.pending(cameraId).stream()
                .map(SpooledSegment::segment)
                .filter(s -> !s.start().isBefore(start) && s.start().isBefore(end))
                .toList();
    }
}
