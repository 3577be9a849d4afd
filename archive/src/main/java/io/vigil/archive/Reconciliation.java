package io.vigil.archive;

import io.vigil.archive.index.Segment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What start-up reconciliation does with one media object key, from what the index, the store and the spool say
 * about it. Pure: the shell ({@link ArchiveRecovery}) gathers the facts and carries out the action.
 */
public final class Reconciliation {

    private Reconciliation() {}

    /**
     * What is known about one key before reading its object's metadata.
     *
     * @param key        the media object key
     * @param row        the index row naming it, if any
     * @param stored     true if the store lists the object
     * @param spooled    true if a spooled segment will still be uploaded (and indexed) under this key
     * @param inWindow   true if the segment starts inside the window being reconciled
     */
    public record Facts(String key, Optional<Segment> row, boolean stored, boolean spooled, boolean inWindow) {
        public Facts {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(row, "row");
        }
    }

    /** The first decision, from presence alone. */
    public enum First {
        /** Index and store agree. */
        KEEP,
        /** Not this pass's business: outside the window, or the spool's upload lane will store and index it. */
        SKIP,
        /** An object without a row: its metadata decides ({@link #orphan}). */
        READ_METADATA,
        /** A row whose object is missing and not spooled: the row names nothing, it is removed. */
        REMOVE_ROW
    }

    /** What to do with an object that has no index row. */
    public enum Orphan {
        /** Index it from its metadata (its init segment is indexed). */
        INDEX,
        /** Index its init segment from the store's init object first, then the segment. */
        INDEX_WITH_INIT,
        /** Leave it: its sequence number is indexed already (the upload lane indexed it since, or a collision). */
        LEAVE,
        /** Remove it: without complete metadata or any copy of its init segment it cannot be played or indexed. */
        REMOVE
    }

    public static First first(Facts f) {
        if (!f.inWindow() || f.spooled()) {
            return First.SKIP;
        }
        if (f.row().isPresent()) {
            return f.stored() ? First.KEEP : First.REMOVE_ROW;
        }
        return f.stored() ? First.READ_METADATA : First.SKIP;
    }

    /**
     * @param fromMetadata    the segment its metadata describes, if complete
     * @param sequenceIndexed true if the index has a row with that sequence number (under any key)
     * @param initIndexed     true if the index has its init segment
     * @param initStored      true if the store has its init segment with the metadata to index it
     */
    public static Orphan orphan(
            Optional<Segment> fromMetadata, boolean sequenceIndexed, boolean initIndexed, boolean initStored) {
        if (fromMetadata.isEmpty()) {
            return Orphan.REMOVE;
        }
        if (sequenceIndexed) {
            return Orphan.LEAVE;
        }
        if (initIndexed) {
            return Orphan.INDEX;
        }
        return initStored ? Orphan.INDEX_WITH_INIT : Orphan.REMOVE;
    }

    /** True if the key's segment starts in {@code [from, to)} (by the start its key carries). */
    public static boolean startsIn(String key, Instant from, Instant to) {
        return ObjectKeys.startOf(key)
                .map(s -> !s.isBefore(from) && s.isBefore(to))
                .orElse(false);
    }
}
