package io.vigil.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Times an API takes: within 1970..9999, refused naming the field otherwise, and never an overflow further in. */
class TimeRangeTest {

    static final List<String> OUT_OF_BOUNDS = List.of(
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "0000-01-01T00:00:00Z");
    static final List<String> UNREADABLE = List.of(
            "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "99999999999999999999",
            "253402300800000",
            "garbage",
            "2026-13-45T25:61:00Z",
            "2026-11-22T10:02:00",
            "\u0000");

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertEquals(Instant.EPOCH, TimeRange.instant("start", "1970-01-01T00:00:00Z"));
        assertEquals(TimeRange.LATEST, TimeRange.instant("end", "9999-12-31T23:59:59.999Z"));
        assertEquals(Instant.parse("2026-11-22T09:02:00Z"), TimeRange.instant("at", " 2026-11-22T10:02:00+01:00 "));
        assertEquals(
                253402300799999L,
                new TimeRange(TimeRange.EARLIEST, TimeRange.LATEST).end().toEpochMilli());
    }

    @Test
    void outOfBoundsAndUnreadableTimesAreRefusedNamingTheField() {
        for (String bad : OUT_OF_BOUNDS) {
            VigilException e = assertThrows(VigilException.class, () -> TimeRange.instant("at", bad), bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), bad);
            assertEquals(
                    "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: " + bad,
                    e.fieldErrors().get("at"));
            assertEquals(Optional.empty(), TimeRange.tryParse(bad), bad);
        }
        for (String bad : UNREADABLE) {
            VigilException e =
                    assertThrows(VigilException.class, () -> TimeRange.parse("2026-01-01T00:00:00Z", bad), bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), bad);
            assertEquals("is not an RFC 3339 instant: " + bad, e.fieldErrors().get("end"));
            assertEquals(Optional.empty(), TimeRange.tryParse(bad), bad);
        }
        assertEquals(
                "is required (RFC 3339, e.g. 2026-11-22T10:02:00Z)",
                assertThrows(VigilException.class, () -> TimeRange.instant("start", ""))
                        .fieldErrors()
                        .get("start"));
        assertThrows(VigilException.class, () -> new TimeRange(Instant.MIN, Instant.EPOCH));
        assertThrows(VigilException.class, () -> new TimeRange(Instant.EPOCH, Instant.MAX));
    }

    @Test
    void anOptionalTimeIsAbsentOrValidNeverEmpty() {
        assertNull(TimeRange.optionalInstant("at", null));
        assertEquals(
                "is empty: give an RFC 3339 instant or leave the parameter out",
                assertThrows(VigilException.class, () -> TimeRange.optionalInstant("at", " "))
                        .fieldErrors()
                        .get("at"));
        assertEquals(Instant.EPOCH, TimeRange.optionalInstant("at", "1970-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.EPOCH), TimeRange.tryParse("1970-01-01T00:00:00Z"));
        assertEquals(Optional.empty(), TimeRange.tryParse("2026-11-22T10:02:00Z" + "x".repeat(100)));
    }
}
