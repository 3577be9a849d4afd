package io.vigil.playback.activity;

import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Activity from bytes, not pixels (pure): the encoded size of footage tracks how much the scene changes (P-frames
 * grow with motion), so a range's activity series is the bit rate of the footage in each of its buckets, and its
 * activity level that bit rate over the stream's recent median. Built from the index alone: segments for a short
 * range (one segment's resolution), minute totals for a longer one (a minute's). No decoding.
 */
public final class ActivitySeries {

    /** Longest range read segment by segment; a longer one reads minute totals. */
    public static final Duration SEGMENT_RESOLUTION_MAX = Duration.ofHours(1);
    /** How far back from a range's end the recent median looks. */
    public static final Duration MEDIAN_WINDOW = Duration.ofHours(24);
    /** Buckets a series has unless asked otherwise: 5 minutes each over a day. */
    public static final int DEFAULT_BUCKETS = 288;
    /** The most buckets a series may have. */
    public static final int MAX_BUCKETS = 2000;

    /** What a series of a range is read from. */
    public enum Resolution {
        /** The segments overlapping the range. */
        SEGMENT,
        /** The minute totals of the minutes in the range. */
        MINUTE;

        /** Segments up to {@link #SEGMENT_RESOLUTION_MAX}, minute totals beyond. */
        public static Resolution of(TimeRange range) {
            return Duration.between(range.start(), range.end()).compareTo(SEGMENT_RESOLUTION_MAX) <= 0
                    ? SEGMENT
                    : MINUTE;
        }
    }

    private ActivitySeries() {}

    /**
     * The {@code buckets} parameter: absent, {@link #DEFAULT_BUCKETS}; else a whole number from 1 to
     * {@link #MAX_BUCKETS}, and at most one per millisecond of {@code range}; anything else is VALIDATION_FAILED
     * naming it.
     */
    public static int bucketCount(String text, TimeRange range) {
        if (text == null) {
            return Math.toIntExact(Math.min(DEFAULT_BUCKETS, lengthMillis(range)));
        }
        int count;
        try {
            count = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw VigilException.invalid(Map.of("buckets", "is not a whole number: " + shortened(text)));
        }
        if (count < 1 || count > MAX_BUCKETS) {
            throw VigilException.invalid(Map.of("buckets", "must be from 1 to " + MAX_BUCKETS + ", was " + count));
        }
        if (count > lengthMillis(range)) {
            throw VigilException.invalid(Map.of(
                    "buckets", "must be at most one per millisecond of the range (" + lengthMillis(range) + ")"));
        }
        return count;
    }

    /**
     * The recent median bit rate of a stream: the median of the bit rates of its minute totals (given as samples)
     * that begin in the {@link #MEDIAN_WINDOW} before {@code end}; null when none does.
     */
    public static Long recentMedianBitsPerSecond(Instant end, List<ActivitySample> minutes) {
        long from = end.minus(MEDIAN_WINDOW).toEpochMilli();
        double[] rates = minutes.stream()
                .filter(m -> m.startMillis() >= from && m.startMillis() < end.toEpochMilli())
                .mapToDouble(ActivitySample::bitsPerSecond)
                .sorted()
                .toArray();
        if (rates.length == 0) {
            return null;
        }
        int middle = rates.length / 2;
        double median = rates.length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
        return Math.round(median);
    }

    /**
     * {@code count} buckets splitting {@code range} evenly (to the millisecond; the last ends at the range's end),
     * each with the bit rate of the footage overlapping it: a sample lends a bucket the share of its bytes and
     * footage that its overlap is of its length. A bucket no sample overlaps has no bit rate and no level; with no
     * median ({@code medianBitsPerSecond} null or 0), no bucket has a level.
     */
    public static List<ActivityBucket> buckets(
            TimeRange range, int count, List<ActivitySample> samples, Long medianBitsPerSecond) {
        long start = range.start().toEpochMilli();
        long length = lengthMillis(range);
        if (count < 1 || count > length) {
            throw new IllegalArgumentException("bucket count " + count + " for a range of " + length + " ms");
        }
        long[] bounds = new long[count + 1];
        for (int i = 0; i <= count; i++) {
            bounds[i] = start + Math.multiplyExact((long) i, length) / count;
        }
        double[] bytes = new double[count];
        double[] media = new double[count];
        for (ActivitySample s : samples) {
            long from = Math.max(s.startMillis(), bounds[0]);
            long to = Math.min(s.endMillis(), bounds[count]);
            double span = s.endMillis() - s.startMillis();
            for (int i = bucketHolding(bounds, from); from < to; i++) {
                long overlap = Math.min(to, bounds[i + 1]) - from;
                bytes[i] += s.sizeBytes() * (overlap / span);
                media[i] += s.mediaMillis() * (overlap / span);
                from = bounds[i + 1];
            }
        }
        List<ActivityBucket> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Long rate = media[i] > 0 ? Math.round(bytes[i] * 8_000 / media[i]) : null;
            Double level = rate == null || medianBitsPerSecond == null || medianBitsPerSecond <= 0
                    ? null
                    : Math.round(bytes[i] * 8_000 / media[i] / medianBitsPerSecond * 1000) / 1000.0;
            out.add(new ActivityBucket(
                    Instant.ofEpochMilli(bounds[i]), Instant.ofEpochMilli(bounds[i + 1]), rate, level));
        }
        return out;
    }

    /** The index of the bucket {@code [bounds[i], bounds[i + 1])} that holds {@code t} (within the bounds). */
    private static int bucketHolding(long[] bounds, long t) {
        int found = Arrays.binarySearch(bounds, t);
        return Math.min(found >= 0 ? found : -found - 2, bounds.length - 2);
    }

    private static long lengthMillis(TimeRange range) {
        return range.end().toEpochMilli() - range.start().toEpochMilli();
    }

    private static String shortened(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "..." : text;
    }
}
