package io.vigil.playback;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A stretch of time, {@code [start, end)}: recorded (a span) or not (a gap) depending on the list it is in.
 *
 * @param start inclusive
 * @param end   exclusive
 */
@Serdeable
public record Span(Instant start, Instant end) {

    public Span {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("span must end after it starts: " + start + " .. " + end);
        }
    }
}
