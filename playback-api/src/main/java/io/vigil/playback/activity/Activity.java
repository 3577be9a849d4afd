package io.vigil.playback.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A stream's activity series over a range: what {@code GET /api/cameras/{id}/activity} answers.
 *
 * @param cameraId            camera
 * @param stream              {@code main} or {@code sub}
 * @param start               range start
 * @param end                 range end (exclusive)
 * @param resolution          what it was read from: {@code SEGMENT} (a range up to an hour) or {@code MINUTE}
 * @param medianBitsPerSecond the stream's recent median bit rate, which a level is relative to; null without footage
 *                            in the 24 h before {@code end}
 * @param buckets             the range split evenly, oldest first
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Activity(
        String cameraId,
        String stream,
        Instant start,
        Instant end,
        ActivitySeries.Resolution resolution,
        Long medianBitsPerSecond,
        List<ActivityBucket> buckets) {

    public Activity {
        buckets = List.copyOf(buckets);
    }
}
