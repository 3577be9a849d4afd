package io.vigil.playback.activity;

/**
 * A stretch of footage and the bytes it was encoded in, what an activity series is built from: one segment
 * ({@code [start, start + duration)}, its footage its duration), or one minute total spread evenly over its minute.
 *
 * @param startMillis epoch ms, inclusive
 * @param endMillis   epoch ms, exclusive, after start
 * @param sizeBytes   encoded bytes, ≥ 0
 * @param mediaMillis footage those bytes encode, ms, > 0
 */
public record ActivitySample(long startMillis, long endMillis, long sizeBytes, long mediaMillis) {

    public ActivitySample {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("end " + endMillis + " must be after start " + startMillis);
        }
        if (sizeBytes < 0 || mediaMillis <= 0) {
            throw new IllegalArgumentException(
                    "a sample needs footage and no negative size: " + sizeBytes + " bytes, " + mediaMillis + " ms");
        }
    }

    /** The bit rate of its footage: bytes × 8 over the footage's seconds. */
    public double bitsPerSecond() {
        return sizeBytes * 8_000.0 / mediaMillis;
    }
}
