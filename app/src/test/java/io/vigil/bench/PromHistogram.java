package io.vigil.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timer or distribution summary read from {@code /metrics} (Prometheus text, as Micrometer writes it), all its
 * series (tags) added up. Pure. Two scrapes give what happened between them ({@link #since}); quantiles come from
 * the histogram's buckets ({@code NAME_bucket{le=...}}, interpolated within a bucket as Prometheus'
 * {@code histogram_quantile} does) or, for a meter that publishes percentiles instead, from its
 * {@code NAME{quantile=...}} lines (Micrometer's own decaying window, not the difference of two scrapes).
 *
 * @param found     whether the scrape had any line of the meter
 * @param count     observations ({@code NAME_count})
 * @param sum       their sum ({@code NAME_sum}), in the meter's unit (seconds for a timer)
 * @param max       the largest recent observation ({@code NAME_max}, Micrometer's decaying max), NaN without one
 * @param buckets   cumulative counts by upper bound ({@code le}), +Inf included
 * @param quantiles published percentiles by quantile, the largest over series
 */
record PromHistogram(
        boolean found,
        double count,
        double sum,
        double max,
        TreeMap<Double, Double> buckets,
        TreeMap<Double, Double> quantiles) {

    static PromHistogram parse(String scrape, String name) {
        boolean found = false;
        double count = 0;
        double sum = 0;
        double max = Double.NaN;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        TreeMap<Double, Double> quantiles = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String metric = line.substring(0, brace >= 0 && brace < space ? brace : line.indexOf(' '));
            String labels = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            double value = number(line.substring(space + 1).trim());
            if (metric.equals(name + "_bucket")) {
                buckets.merge(number(label(labels, "le")), value, Double::sum);
            } else if (metric.equals(name + "_count")) {
                count += value;
            } else if (metric.equals(name + "_sum")) {
                sum += value;
            } else if (metric.equals(name + "_max")) {
                max = Double.isNaN(max) ? value : Math.max(max, value);
            } else if (metric.equals(name) && label(labels, "quantile") != null) {
                quantiles.merge(number(label(labels, "quantile")), value, Math::max);
            } else {
                continue;
            }
            found = true;
        }
        return new PromHistogram(found, count, sum, max, buckets, quantiles);
    }

    /** What was observed between {@code before} and this scrape (max and published quantiles: this scrape's). */
    PromHistogram since(PromHistogram before) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        buckets.forEach((le, n) -> delta.put(le, n - before.buckets.getOrDefault(le, 0.0)));
        return new PromHistogram(found, count - before.count, sum - before.sum, max, delta, quantiles);
    }

    double mean() {
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * The {@code q} quantile (0..1) from the buckets, linear within the bucket it falls in (from 0 for the first);
     * the highest finite bound if it falls in +Inf's; else the published percentile nearest {@code q}; NaN if none.
     */
    double quantile(double q) {
        double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        if (total > 0) {
            double rank = q * total;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> b : buckets.entrySet()) {
                if (b.getValue() >= rank) {
                    if (b.getKey().isInfinite()) {
                        return lower;
                    }
                    double inBucket = b.getValue() - below;
                    return inBucket <= 0 ? b.getKey() : lower + (b.getKey() - lower) * (rank - below) / inBucket;
                }
                lower = b.getKey();
                below = b.getValue();
            }
            return lower;
        }
        if (!quantiles.isEmpty()) {
            Double key = quantiles.ceilingKey(q);
            return quantiles.get(key != null ? key : quantiles.lastKey());
        }
        return Double.NaN;
    }

    private static String label(String labels, String key) {
        Matcher m = Pattern.compile("(?:^|[{,\\s])" + key + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : null;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
