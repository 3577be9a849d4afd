package io.vigil.playback;

/**
 * A segment's length in time and bytes, as the index holds them: what a bit rate is measured from.
 *
 * @param durationMillis how long it plays, > 0
 * @param sizeBytes      its object's size, > 0
 */
public record SizedSegment(int durationMillis, long sizeBytes) {

    public SizedSegment {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0, was " + durationMillis);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be > 0, was " + sizeBytes);
        }
    }
}
