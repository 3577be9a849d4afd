package io.vigil.archive;

import io.vigil.archive.index.RecordingSpans;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The archive's removal face, for retention: what each camera holds, its oldest segments, and taking segments'
 * rows (and unused init segments) out of the index once their objects are deleted. The index stays the archive's.
 */
@Singleton
public class ArchiveRemoval {

    private final SegmentIndex index;
    private final RecordingSpans spans;

    public ArchiveRemoval(SegmentIndex index, RecordingSpans spans) {
        this.index = index;
        this.spans = spans;
    }

    /** Bytes of stored segments per camera that has any. */
    public Map<String, Long> usageBytes() {
        return index.usageBytes();
    }

    /** The camera's highest stored sequence number, -1 if none. */
    public long lastSequence(String cameraId) {
        return index.nextSequence(cameraId) - 1;
    }

    /** Up to {@code limit} of the camera's stored segments after {@code afterSequence}, oldest first. */
    public List<Segment> oldest(String cameraId, long afterSequence, int limit) {
        return index.oldest(cameraId, afterSequence, limit);
    }

    /** End of the newest recorded span of any camera; empty when the index holds nothing. */
    public Optional<Instant> newestEnd() {
        return spans.newestEnd();
    }

    /** Removes the rows of segments whose objects are deleted; returns how many rows there were. */
    public int removeAll(String cameraId, long[] sequences) {
        return index.removeAll(cameraId, sequences);
    }

    /**
     * Deletes an init segment no segment of the camera uses any longer: {@code deleteObject} first, then its row.
     * Returns true if it was deleted.
     */
    public boolean deleteInitSegmentIfUnused(String cameraId, String initKey, Runnable deleteObject) {
        return index.initSegments().deleteIfUnused(cameraId, initKey, deleteObject);
    }
}
