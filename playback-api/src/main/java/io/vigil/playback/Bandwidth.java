package io.vigil.playback;

import java.util.List;

/**
 * The bit rates of a stream's segments, as HLS ({@code BANDWIDTH}, {@code AVERAGE-BANDWIDTH}) and DASH
 * ({@code @bandwidth}) announce them. Pure.
 *
 * @param peakBitsPerSecond    the highest of any one segment: its bits over its duration, rounded up
 * @param averageBitsPerSecond every segment's bits over their total duration, rounded up; at most the peak
 */
public record Bandwidth(long peakBitsPerSecond, long averageBitsPerSecond) {

    public Bandwidth {
        if (averageBitsPerSecond <= 0) {
            throw new IllegalArgumentException("averageBitsPerSecond must be > 0, was " + averageBitsPerSecond);
        }
        if (peakBitsPerSecond < averageBitsPerSecond) {
            throw new IllegalArgumentException("peakBitsPerSecond " + peakBitsPerSecond
                    + " is below averageBitsPerSecond " + averageBitsPerSecond);
        }
    }

    /** Measures segments: the peak over each one, the average over all; there must be at least one. */
    public static Bandwidth measure(List<SizedSegment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segments to measure a bit rate from");
        }
        long peak = 0;
        long totalBits = 0;
        long totalMillis = 0;
        for (SizedSegment s : segments) {
            long bits = Math.multiplyExact(s.sizeBytes(), 8L);
            peak = Math.max(peak, bitsPerSecond(bits, s.durationMillis()));
            totalBits = Math.addExact(totalBits, bits);
            totalMillis += s.durationMillis();
        }
        return new Bandwidth(peak, bitsPerSecond(totalBits, totalMillis));
    }

    /** {@code bits} over {@code millis}, per second, rounded up. */
    private static long bitsPerSecond(long bits, long millis) {
        return -Math.floorDiv(-Math.multiplyExact(bits, 1000L), millis);
    }
}
