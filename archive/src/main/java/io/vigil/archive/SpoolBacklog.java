package io.vigil.archive;

import io.vigil.archive.spool.SegmentSpool;
import jakarta.inject.Singleton;

/** How many of a camera's segments wait in the spool for the store, numbered or not: what its status shows. */
@Singleton
public class SpoolBacklog {

    private final SegmentSpool spool;
    private final UnnumberedSegments unnumbered;

    public SpoolBacklog(SegmentSpool spool, UnnumberedSegments unnumbered) {
        this.spool = spool;
        this.unnumbered = unnumbered;
    }

    public int segments(String cameraId) {
        return spool.pendingCount(cameraId) + unnumbered.count(cameraId);
    }
}
