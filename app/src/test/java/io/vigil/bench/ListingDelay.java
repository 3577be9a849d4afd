package io.vigil.bench;

import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Live latency as a player sees it: polls a camera's {@code live.m3u8} every 100 ms and, for each segment the
 * first time it is listed, how long after its end (its {@code EXT-X-PROGRAM-DATE-TIME} plus duration: the capture
 * time of its last frame) that was. The camera simulator sends at real-time pace, so a segment's end is also
 * about when its last packet arrived; the segment closes at the next keyframe, which is that moment.
 */
final class ListingDelay {

    private ListingDelay() {}

    /** Delays in ms, one per segment newly listed while watching for {@code duration}. */
    static List<Double> watch(HttpClient http, String base, String camera, Duration duration) throws Exception {
        List<Double> delays = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean first = true;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long polled = System.currentTimeMillis();
            String playlist = http.send(
                            HttpRequest.newBuilder(
                                            URI.create(base + "/api/cameras/" + camera + "/live.m3u8?source=archive"))
                                    .header("Authorization", TestAdmin.basic())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            long now = (polled + System.currentTimeMillis()) / 2;
            double t = Double.NaN;
            double pending = 0;
            for (String line : playlist.split("\n")) {
                if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                    t = Instant.parse(line.substring(line.indexOf(':') + 1).trim())
                            .toEpochMilli();
                } else if (line.startsWith("#EXTINF:")) {
                    pending = Double.parseDouble(line.substring(8, line.indexOf(','))) * 1000;
                } else if (line.startsWith("segments/")) {
                    double segmentEnd = t + pending;
                    if (seen.add(line) && !first && !Double.isNaN(t)) {
                        delays.add(now - segmentEnd);
                    }
                    t = segmentEnd;
                }
            }
            first = false; // segments already listed at the first poll say nothing about delay
            Thread.sleep(100);
        }
        return delays;
    }
}
