package io.vigil.playback.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an activity series is cut into buckets, measured and levelled, and what its parameters accept. */
class ActivitySeriesTest {

    static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    private static TimeRange range(long fromOffsetMillis, long toOffsetMillis) {
        return new TimeRange(Instant.ofEpochMilli(T0 + fromOffsetMillis), Instant.ofEpochMilli(T0 + toOffsetMillis));
    }

    /** A segment from {@code offsetMillis} after T0, its footage its length. */
    private static ActivitySample segment(long offsetMillis, long millis, long bytes) {
        return new ActivitySample(T0 + offsetMillis, T0 + offsetMillis + millis, bytes, millis);
    }

    /** A minute total spread over the minute {@code minute} minutes after T0. */
    private static ActivitySample minute(long minute, long bytes, long footageMillis) {
        return new ActivitySample(T0 + minute * MINUTE, T0 + (minute + 1) * MINUTE, bytes, footageMillis);
    }

    private static List<Long> rates(List<ActivityBucket> buckets) {
        return buckets.stream().map(ActivityBucket::bitsPerSecond).toList();
    }

    private static List<Double> levels(List<ActivityBucket> buckets) {
        return buckets.stream().map(ActivityBucket::level).toList();
    }

    @Test
    void aBucketsBitRateIsItsFootagesBytesOverItsSecondsAndItsLevelThatOverTheMedian() {
        List<ActivitySample> segments = List.of(
                segment(0, 2000, 1000),
                segment(2000, 2000, 2000),
                segment(4000, 2000, 3000),
                segment(6000, 2000, 4000),
                segment(8000, 2000, 5000));
        List<ActivityBucket> buckets = ActivitySeries.buckets(range(0, 10_000), 5, segments, 8000L);
        assertEquals(Arrays.asList(4000L, 8000L, 12_000L, 16_000L, 20_000L), rates(buckets));
        assertEquals(Arrays.asList(0.5, 1.0, 1.5, 2.0, 2.5), levels(buckets));
    }

    @Test
    void aBucketWithoutFootageHasNeitherBitRateNorLevelWhileAQuietOneHasBoth() {
        List<ActivitySample> segments = List.of(segment(0, 2000, 1000), segment(4000, 2000, 1));
        List<ActivityBucket> buckets = ActivitySeries.buckets(range(0, 8000), 4, segments, 4000L);
        assertEquals(Arrays.asList(4000L, null, 4L, null), rates(buckets));
        assertEquals(Arrays.asList(1.0, null, 0.001, null), levels(buckets));
    }

    private record Share(String why, List<ActivitySample> samples, List<Long> expected) {}

    @Test
    void aSampleLendsEachBucketItOverlapsTheShareOfItsBytesAndFootageThatTheOverlapIsOfIt() {
        List<Share> table = List.of(
                new Share(
                        "one 2 s segment over two 1 s buckets",
                        List.of(segment(0, 2000, 2000)),
                        Arrays.asList(8000L, 8000L, null, null)),
                new Share(
                        "two segments in one bucket: their bytes over their footage",
                        List.of(segment(0, 1000, 1000), segment(1000, 1000, 3000)),
                        Arrays.asList(8000L, 24_000L, null, null)),
                new Share(
                        "a segment starting before the range counts for its overlap only",
                        List.of(segment(-1000, 2000, 2000), segment(1000, 1000, 500)),
                        Arrays.asList(8000L, 4000L, null, null)),
                new Share(
                        "a segment ending after the range too",
                        List.of(segment(3500, 1000, 1000)),
                        Arrays.asList(null, null, null, 8000L)),
                new Share(
                        "half a bucket of footage: the bit rate of what there is, not diluted by the gap",
                        List.of(segment(2000, 500, 1000)),
                        Arrays.asList(null, null, 16_000L, null)),
                new Share(
                        "samples entirely outside the range count nowhere",
                        List.of(segment(-5000, 2000, 9999), segment(4000, 2000, 9999)),
                        Arrays.asList(null, null, null, null)));
        for (Share s : table) {
            assertEquals(s.expected(), rates(ActivitySeries.buckets(range(0, 4000), 4, s.samples(), null)), s.why());
        }
    }

    @Test
    void aMinuteTotalIsSpreadEvenlyOverItsMinuteSoEveryBucketInItHasItsBitRate() {
        List<ActivitySample> minutes = List.of(minute(0, 600_000, 60_000), minute(2, 300_000, 30_000));
        List<ActivityBucket> buckets = ActivitySeries.buckets(range(0, 3 * MINUTE), 6, minutes, 40_000L);
        assertEquals(Arrays.asList(80_000L, 80_000L, null, null, 80_000L, 80_000L), rates(buckets));
        assertEquals(Arrays.asList(2.0, 2.0, null, null, 2.0, 2.0), levels(buckets));
        List<ActivityBucket> wide = ActivitySeries.buckets(range(0, 4 * MINUTE), 1, minutes, 40_000L);
        assertEquals(List.of(80_000L), rates(wide), "900 kB over 90 s of footage, the gaps not counted");
    }

    @Test
    void bucketsSplitTheRangeEvenlyToTheMillisecondAndTheLastEndsAtItsEnd() {
        List<ActivityBucket> buckets = ActivitySeries.buckets(range(0, 1000), 3, List.of(), 1L);
        assertEquals(
                List.of(T0, T0 + 333, T0 + 666, T0 + 1000),
                List.of(
                        buckets.get(0).start().toEpochMilli(),
                        buckets.get(1).start().toEpochMilli(),
                        buckets.get(2).start().toEpochMilli(),
                        buckets.get(2).end().toEpochMilli()));
        assertEquals(buckets.get(0).end(), buckets.get(1).start());
        List<ActivityBucket> week = ActivitySeries.buckets(range(0, 7 * 86_400_000L), 2000, List.of(), 1L);
        assertEquals(2000, week.size());
        assertEquals(Instant.ofEpochMilli(T0 + 7 * 86_400_000L), week.get(1999).end());
        for (int i = 1; i < week.size(); i++) {
            assertEquals(week.get(i - 1).end(), week.get(i).start());
        }
    }

    @Test
    void withoutARecentMedianNoBucketHasALevel() {
        List<ActivitySample> segments = List.of(segment(0, 2000, 1000));
        assertEquals(Arrays.asList(4000L), rates(ActivitySeries.buckets(range(0, 2000), 1, segments, null)));
        assertEquals(Arrays.asList((Double) null), levels(ActivitySeries.buckets(range(0, 2000), 1, segments, null)));
        assertEquals(Arrays.asList((Double) null), levels(ActivitySeries.buckets(range(0, 2000), 1, segments, 0L)));
    }

    @Test
    void theRecentMedianIsTheMedianOfTheMinutesBitRatesInThe24HoursBeforeTheEnd() {
        Instant end = Instant.ofEpochMilli(T0 + 24 * 60 * MINUTE);
        List<ActivitySample> minutes = new ArrayList<>(List.of(
                minute(-1, 999_999_999, 60_000), // before the window
                minute(0, 75_000, 60_000), // 10,000 bit/s, the window's first minute
                minute(10, 15_000, 30_000), // 4,000 bit/s: half a minute of footage
                minute(11, 150_000, 60_000), // 20,000 bit/s
                minute(24 * 60, 999_999_999, 60_000))); // at the end: after the window
        assertEquals(10_000L, ActivitySeries.recentMedianBitsPerSecond(end, minutes), "odd count: the middle one");
        minutes.add(minute(12, 225_000, 60_000)); // 30,000 bit/s
        assertEquals(
                15_000L, ActivitySeries.recentMedianBitsPerSecond(end, minutes), "even: the two middle ones' mean");
        assertEquals(null, ActivitySeries.recentMedianBitsPerSecond(end, minutes.subList(0, 1)), "no recent footage");
        assertEquals(null, ActivitySeries.recentMedianBitsPerSecond(end, List.of()));
    }

    private record Param(String text, long rangeMillis, Integer expected) {}

    @Test
    void theBucketsParameterIsAWholeNumberFrom1To2000AndAtMostOnePerMillisecond() {
        List<Param> table = List.of(
                new Param(null, 86_400_000, 288),
                new Param(null, 100, 100),
                new Param("1", 86_400_000, 1),
                new Param(" 2000 ", 86_400_000, 2000),
                new Param("2001", 86_400_000, null),
                new Param("0", 86_400_000, null),
                new Param("-5", 86_400_000, null),
                new Param("", 86_400_000, null),
                new Param("12.5", 86_400_000, null),
                new Param("9".repeat(40), 86_400_000, null),
                new Param("5", 4, null),
                new Param("4", 4, 4));
        for (Param p : table) {
            TimeRange r = range(0, p.rangeMillis());
            if (p.expected() != null) {
                assertEquals(p.expected(), ActivitySeries.bucketCount(p.text(), r), "buckets=" + p.text());
            } else {
                VigilException e = assertThrows(
                        VigilException.class, () -> ActivitySeries.bucketCount(p.text(), r), "buckets=" + p.text());
                assertEquals(List.of("buckets"), List.copyOf(e.fieldErrors().keySet()), "buckets=" + p.text());
            }
        }
    }

    @Test
    void aRangeUpToAnHourIsReadSegmentBySegmentALongerOneByMinute() {
        assertEquals(ActivitySeries.Resolution.SEGMENT, ActivitySeries.Resolution.of(range(0, 5 * MINUTE)));
        assertEquals(ActivitySeries.Resolution.SEGMENT, ActivitySeries.Resolution.of(range(0, 60 * MINUTE)));
        assertEquals(ActivitySeries.Resolution.MINUTE, ActivitySeries.Resolution.of(range(0, 60 * MINUTE + 1)));
        assertEquals(
                ActivitySeries.Resolution.MINUTE,
                ActivitySeries.Resolution.of(range(0, Duration.ofDays(7).toMillis())));
    }
}
