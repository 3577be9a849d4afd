package io.vigil.archive.index;

/**
 * A stored segment's place in time and its size, all an activity series needs of it.
 *
 * @param startMillis    wall-clock start, epoch ms
 * @param durationMillis how long it plays, > 0
 * @param sizeBytes      its object's size
 */
public record SegmentSize(long startMillis, int durationMillis, long sizeBytes) {

    public SegmentSize {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0, was " + durationMillis);
        }
    }

    /** Exclusive end, epoch ms. */
    public long endMillis() {
        return startMillis + durationMillis;
    }
}
