package io.vigil.archive;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.archive.index.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what the index, the object store and the spool hold for one camera and range, and lists every
 * disagreement. Pure: {@link ArchiveChecker} gathers the three views.
 */
public final class ArchiveCheck {

    /** At most this many discrepancies are listed; {@code discrepancyCount} counts them all. */
    public static final int MAX_LISTED = 1000;

    private ArchiveCheck() {}

    /** Kinds of disagreement. */
    public enum Kind {
        /** An index row names an object the store does not have, and no spooled segment will store it. */
        ROW_WITHOUT_OBJECT,
        /** The store has a media object no index row names, and no spooled segment will index it. */
        OBJECT_WITHOUT_ROW,
        /** A spooled segment is neither stored nor indexed yet (normal for a moment; lasting, it is being retried). */
        SPOOLED_NOT_STORED,
        /** Row and object disagree on the size. */
        SIZE_MISMATCH
    }

    /**
     * One disagreement.
     *
     * @param sequence  the segment's number (from the row, the spool or the object key), or -1
     * @param objectKey the object key concerned
     * @param detail    what was found, for a person
     */
    @Serdeable
    public record Discrepancy(Kind kind, long sequence, String objectKey, String detail) {
        public Discrepancy {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(objectKey, "objectKey");
        }
    }

    /**
     * What the three hold for a camera's segments starting in {@code [start, end)}, and how they disagree.
     *
     * @param rows              index rows
     * @param objects           media objects in the store
     * @param spooled           numbered segments in the spool
     * @param unnumbered        segments waiting unnumbered in the spool (reconciliation has not succeeded)
     * @param consistent        true if there is no discrepancy
     * @param discrepancyCount  all of them; at most {@link #MAX_LISTED} are listed
     */
    @Serdeable
    public record Report(
            String cameraId,
            Instant start,
            Instant end,
            int rows,
            int objects,
            int spooled,
            int unnumbered,
            boolean consistent,
            int discrepancyCount,
            List<Discrepancy> discrepancies) {
        public Report {
            discrepancies = List.copyOf(discrepancies);
        }
    }

    /**
     * @param rows     index rows of segments starting in the range
     * @param objects  media object keys starting in the range, with their sizes
     * @param spooled  numbered spooled segments starting in the range
     */
    public static Report compare(
            String cameraId,
            Instant start,
            Instant end,
            List<Segment> rows,
            Map<String, Long> objects,
            List<Segment> spooled,
            int unnumbered) {
        Map<String, Segment> byKey = new java.util.HashMap<>();
        rows.forEach(r -> byKey.put(r.objectKey(), r));
        Map<String, Segment> spooledByKey = new java.util.HashMap<>();
        spooled.forEach(s -> spooledByKey.put(s.objectKey(), s));
        Set<String> keys = new TreeSet<>(byKey.keySet());
        keys.addAll(objects.keySet());
        keys.addAll(spooledByKey.keySet());
        List<Discrepancy> found = new ArrayList<>();
        for (String key : keys) {
            Segment row = byKey.get(key);
            Long size = objects.get(key);
            Segment inSpool = spooledByKey.get(key);
            if (inSpool != null) {
                if (row == null || size == null) {
                    found.add(new Discrepancy(
                            Kind.SPOOLED_NOT_STORED,
                            inSpool.sequence(),
                            key,
                            "in the spool" + (size == null ? ", not in the store" : ", stored")
                                    + (row == null ? ", not indexed" : ", indexed")));
                }
            } else if (row != null && size == null) {
                found.add(new Discrepancy(Kind.ROW_WITHOUT_OBJECT, row.sequence(), key, "indexed, not in the store"));
            } else if (row == null) {
                found.add(new Discrepancy(
                        Kind.OBJECT_WITHOUT_ROW,
                        ObjectKeys.sequenceOf(key),
                        key,
                        "in the store (" + size + " bytes), not indexed"));
            } else if (row.sizeBytes() != size) {
                found.add(new Discrepancy(
                        Kind.SIZE_MISMATCH,
                        row.sequence(),
                        key,
                        "index says " + row.sizeBytes() + " bytes, the store holds " + size));
            }
        }
        return new Report(
                cameraId,
                start,
                end,
                rows.size(),
                objects.size(),
                spooled.size(),
                unnumbered,
                found.isEmpty(),
                found.size(),
                found.subList(0, Math.min(found.size(), MAX_LISTED)));
    }
}
