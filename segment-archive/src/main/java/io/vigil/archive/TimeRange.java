package io.vigil.archive;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A half-open time range {@code [start, end)} of UTC instants, as API parameters give it. Pure.
 *
 * @param start inclusive
 * @param end   exclusive, after start
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new VigilException(ErrorCode.INVALID_RANGE, "end " + end + " must be after start " + start);
        }
    }

    /** Parses RFC 3339 instants ({@code 2026-11-22T10:02:00Z}, offsets allowed) into a range. */
    public static TimeRange parse(String start, String end) {
        return new TimeRange(instant("start", start), instant("end", end));
    }

    /** Parses one RFC 3339 instant; a bad one is a VALIDATION_FAILED error naming the parameter. */
    public static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw VigilException.invalid(java.util.Map.of(name, "is required (RFC 3339, e.g. 2026-11-22T10:02:00Z)"));
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw VigilException.invalid(java.util.Map.of(name, "is not an RFC 3339 instant: " + text));
        }
    }
}
