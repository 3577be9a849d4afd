package io.vigil.kernel;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open time range {@code [start, end)} of UTC instants: as API parameters give it, and as answers give a
 * stretch of time back (a timeline's spans and gaps, a clip's gaps). Pure. Every time an API
 * takes lies in {@link #EARLIEST}..{@link #LATEST} (years 1970 to 9999, to the millisecond Vigil stores): a time
 * outside is refused naming its field, so no arithmetic on it can overflow further in.
 *
 * @param start inclusive
 * @param end   exclusive, after start
 */
@Serdeable.Serializable
public record TimeRange(Instant start, Instant end) {

    /** The earliest time an API accepts. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest time an API accepts: the last millisecond of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final String BOUNDS = "must be between " + EARLIEST + " and " + LATEST;

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!within(start) || !within(end)) {
            throw new VigilException(ErrorCode.INVALID_RANGE, "start and end " + BOUNDS);
        }
        if (!end.isAfter(start)) {
            throw new VigilException(ErrorCode.INVALID_RANGE, "end " + end + " must be after start " + start);
        }
    }

    /** Parses RFC 3339 instants ({@code 2026-11-22T10:02:00Z}, offsets allowed) into a range. */
    public static TimeRange parse(String start, String end) {
        return new TimeRange(instant("start", start), instant("end", end));
    }

    /** Parses one RFC 3339 instant; a missing, bad or out-of-bounds one is a VALIDATION_FAILED error naming the parameter. */
    public static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw VigilException.invalid(Map.of(name, "is required (RFC 3339, e.g. 2026-11-22T10:02:00Z)"));
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw VigilException.invalid(Map.of(name, "is not an RFC 3339 instant: " + shortened(text)));
        }
        if (!within(instant)) {
            throw VigilException.invalid(Map.of(name, BOUNDS + ": " + shortened(text)));
        }
        return instant;
    }

    /**
     * An optional instant: null when the parameter is absent; given but empty, bad or out of bounds, the same
     * errors as {@link #instant}.
     */
    public static Instant optionalInstant(String name, String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw VigilException.invalid(Map.of(name, "is empty: give an RFC 3339 instant or leave the parameter out"));
        }
        return instant(name, text);
    }

    /** The instant {@code text} names if it is a valid one within bounds; never throws (for audit rows and checks). */
    public static Optional<Instant> tryParse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant()).filter(TimeRange::within);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code instant} is one an API accepts (and its epoch milliseconds cannot overflow). */
    public static boolean within(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static String shortened(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
