package io.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromHistogramTest {

    private static final String NAME = "vigil_live_part_answer_seconds";

    private static String scrape(int fast, int slow, int slowest) {
        // two series (cameras); buckets cumulative, as Micrometer writes them
        return "# HELP vigil_live_part_answer_seconds delay\n"
                + "# TYPE vigil_live_part_answer_seconds histogram\n"
                + NAME + "_bucket{camera=\"a\",le=\"0.01\"} " + fast + "\n"
                + NAME + "_bucket{camera=\"a\",le=\"0.05\"} " + (fast + slow) + "\n"
                + NAME + "_bucket{camera=\"a\",le=\"+Inf\"} " + (fast + slow + slowest) + "\n"
                + NAME + "_count{camera=\"a\"} " + (fast + slow + slowest) + "\n"
                + NAME + "_sum{camera=\"a\"} " + (0.005 * fast + 0.03 * slow + 0.2 * slowest) + "\n"
                + NAME + "_max{camera=\"a\"} 0.2\n"
                + NAME + "_bucket{camera=\"b\",le=\"0.01\"} 0\n"
                + NAME + "_bucket{camera=\"b\",le=\"0.05\"} 0\n"
                + NAME + "_bucket{camera=\"b\",le=\"+Inf\"} 0\n"
                + NAME + "_count{camera=\"b\"} 0\n"
                + NAME + "_sum{camera=\"b\"} 0.0\n"
                + NAME + "_max{camera=\"b\"} 0.0\n"
                + "vigil_live_part_answer_other_seconds_count 99\n";
    }

    @Test
    void quantilesComeFromTheBucketsObservedBetweenTwoScrapes() {
        PromHistogram before = PromHistogram.parse(scrape(10, 0, 0), NAME);
        PromHistogram after = PromHistogram.parse(scrape(100, 10, 0), NAME);
        PromHistogram between = after.since(before);
        assertTrue(between.found());
        assertEquals(100, between.count(), 1e-9);
        // 90 of 100 in the first bucket (0..10 ms): the median is at rank 50, 50/90 of the way
        assertEquals(0.01 * 50 / 90, between.quantile(0.5), 1e-9);
        // rank 95 is the 5th of 10 in the second bucket (10..50 ms)
        assertEquals(0.01 + 0.04 * 5 / 10, between.quantile(0.95), 1e-9);
        assertEquals((0.005 * 90 + 0.03 * 10) / 100, between.mean(), 1e-9);
        assertEquals(0.2, between.max(), 1e-9);
    }

    @Test
    void aQuantileBeyondTheLastFiniteBoundIsThatBound() {
        PromHistogram h = PromHistogram.parse(scrape(0, 1, 9), NAME);
        assertEquals(0.05, h.quantile(0.95), 1e-9);
    }

    @Test
    void publishedPercentilesWhenThereAreNoBuckets() {
        PromHistogram h = PromHistogram.parse(
                NAME + "{quantile=\"0.5\"} 0.012\n" + NAME + "{quantile=\"0.95\"} 0.04\n" + NAME + "_count 7\n", NAME);
        assertEquals(0.012, h.quantile(0.5), 1e-9);
        assertEquals(0.04, h.quantile(0.95), 1e-9);
        assertEquals(7, h.count(), 1e-9);
    }

    @Test
    void aMeterNotInTheScrapeIsNotFound() {
        PromHistogram h = PromHistogram.parse("jvm_threads_live_threads 30.0\n", NAME);
        assertFalse(h.found());
        assertTrue(Double.isNaN(h.quantile(0.5)));
    }
}
