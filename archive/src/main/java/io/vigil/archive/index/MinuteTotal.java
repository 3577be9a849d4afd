package io.vigil.archive.index;

/**
 * What one stream recorded in one UTC minute: the totals of the segments starting in it ({@code segment_minute}).
 *
 * @param minuteMillis   start of the minute, epoch ms, a multiple of {@link #MINUTE_MILLIS}
 * @param sizeBytes      bytes of those segments, > 0
 * @param durationMillis footage those bytes encode (their durations summed), ms, > 0
 * @param segmentCount   how many segments start in the minute, > 0
 */
public record MinuteTotal(long minuteMillis, long sizeBytes, long durationMillis, int segmentCount) {

    /** One minute in milliseconds. */
    public static final long MINUTE_MILLIS = 60_000;

    public MinuteTotal {
        if (minuteMillis < 0 || minuteMillis % MINUTE_MILLIS != 0) {
            throw new IllegalArgumentException("minuteMillis must be a minute's start, was " + minuteMillis);
        }
        if (sizeBytes <= 0 || durationMillis <= 0 || segmentCount <= 0) {
            throw new IllegalArgumentException("a minute total counts at least one segment: " + sizeBytes + " bytes, "
                    + durationMillis + " ms, " + segmentCount + " segments");
        }
    }

    /** The start of the minute {@code epochMillis} lies in (epoch ms ≥ 0). */
    public static long minuteOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, MINUTE_MILLIS);
    }
}
