package io.vigil.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One download or copy a bench timed: time to the first byte of the body, total time, bytes. The export benches (clip,
 * incident) take medians of several.
 */
record Transfer(double firstByteMillis, double totalSeconds, long bytes) {

    static Transfer of(RawHttpBody.Fetch fetch) {
        return new Transfer(fetch.firstByteMillis(), fetch.totalSeconds(), fetch.bodyBytes());
    }

    /** Decimal megabytes a second. */
    double megabytesPerSecond() {
        return bytes / 1e6 / totalSeconds;
    }

    /** The median of one figure over {@code transfers}. */
    static double median(List<Transfer> transfers, ToDoubleFunction<Transfer> figure) {
        return median(transfers.stream().mapToDouble(figure).toArray());
    }

    /** The median (the lower of the two middle values for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
