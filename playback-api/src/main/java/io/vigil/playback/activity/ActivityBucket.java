package io.vigil.playback.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One bucket of an activity series: {@code [start, end)}, the bit rate of the footage in it, and that bit rate
 * relative to the stream's recent median (its activity level). Both null where the bucket holds no footage (a gap is
 * not a still scene); the level also where the stream has no recent median.
 *
 * @param start         inclusive
 * @param end           exclusive
 * @param bitsPerSecond bytes × 8 over the seconds of footage in the bucket; null without footage
 * @param level         {@code bitsPerSecond} / the recent median, to 3 decimals; null without footage or median
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActivityBucket(Instant start, Instant end, Long bitsPerSecond, Double level) {

    public ActivityBucket {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (bitsPerSecond == null && level != null) {
            throw new IllegalArgumentException("a level without a bit rate");
        }
    }
}
