package io.vigil.media.zip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An entry's modification time as the ZIP headers' MS-DOS date and time fields hold it: the UTC wall-clock time (the
 * format has no time zone; Vigil's times are UTC), to the even second below, 1980-01-01 to 2107-12-31, an instant
 * outside clamped to the nearest end. Readers that know the extended-timestamp field take the exact second from it
 * instead ({@link ZipHeaders}). Pure.
 *
 * @param date bits 15-9 the year since 1980, 8-5 the month, 4-0 the day
 * @param time bits 15-11 the hour, 10-5 the minute, 4-0 the second halved
 */
record DosTime(int date, int time) {

    static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2107-12-31T23:59:58Z");

    static DosTime of(Instant instant) {
        Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        LocalDateTime t = LocalDateTime.ofInstant(clamped, ZoneOffset.UTC);
        return new DosTime(
                ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth(),
                (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2));
    }
}
