package io.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far recorded segment starts are from the capture time of the keyframe each segment begins with. Pure: a
 * list of keyframe capture times (from the camera simulator's log today; from RTCP sender reports through an RTSP
 * client later: the capture time of RTP timestamp {@code t} is the report's NTP time plus {@code (t - report's RTP
 * timestamp) / clock rate}) and a list of segment starts in, signed differences out. Each segment is matched with
 * the nearest keyframe; one farther than {@code maxDistance} (half a GOP) is counted as unmatched, not as an error.
 *
 * @param differencesMillis segment start minus keyframe capture time, per matched segment, in order
 * @param unmatched         segments with no keyframe within {@code maxDistance}
 */
record SegmentTimeError(List<Long> differencesMillis, int unmatched) {

    SegmentTimeError {
        differencesMillis = List.copyOf(differencesMillis);
    }

    static SegmentTimeError match(List<Instant> keyframeCaptures, List<Instant> segmentStarts, Duration maxDistance) {
        List<Instant> keyframes = new ArrayList<>(keyframeCaptures);
        Collections.sort(keyframes);
        List<Long> differences = new ArrayList<>();
        int unmatched = 0;
        for (Instant start : segmentStarts) {
            int i = Collections.binarySearch(keyframes, start);
            int at = i >= 0 ? i : -i - 1;
            Duration best = null;
            for (int j = Math.max(0, at - 1); j <= Math.min(keyframes.size() - 1, at); j++) {
                Duration d = Duration.between(keyframes.get(j), start);
                if (best == null || d.abs().compareTo(best.abs()) < 0) {
                    best = d;
                }
            }
            if (best == null || best.abs().compareTo(maxDistance) > 0) {
                unmatched++;
            } else {
                differences.add(best.toMillis());
            }
        }
        return new SegmentTimeError(differences, unmatched);
    }

    /** The {@code p}-th percentile (nearest rank) of the absolute differences, in ms; NaN without any. */
    double absolutePercentile(int p) {
        List<Long> sorted = differencesMillis.stream().map(Math::abs).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** Mean signed difference in ms (positive: segments start after the capture time); NaN without any. */
    double meanMillis() {
        return differencesMillis.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    String summary() {
        return differencesMillis.isEmpty()
                ? "no segment matched a keyframe (" + unmatched + " unmatched)"
                : String.format(
                        "%d segments: |difference| p50 %.0f ms, p95 %.0f ms, max %.0f ms; mean %+.0f ms; %d unmatched",
                        differencesMillis.size(),
                        absolutePercentile(50),
                        absolutePercentile(95),
                        absolutePercentile(100),
                        meanMillis(),
                        unmatched);
    }
}
