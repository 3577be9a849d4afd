package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DosTimeTest {

    @ParameterizedTest(name = "{0} -> date {1}, time {2}")
    @CsvSource({
        // year-1980 << 9 | month << 5 | day;  hour << 11 | minute << 5 | second / 2
        "2026-12-07T03:37:31Z,       0x5d87, 0x1caf", // UTC wall time, the odd second down to the even one
        "2026-12-07T03:37:30.999Z,   0x5d87, 0x1caf",
        "1980-01-01T00:00:00Z,       0x0021, 0x0000",
        "1970-01-01T00:00:00Z,       0x0021, 0x0000", // before the format's first day: its first day
        "2107-12-31T23:59:59Z,       0xff9f, 0xbf7d", // its last second
        "2200-01-01T00:00:00Z,       0xff9f, 0xbf7d"
    })
    void holdsTheUtcWallTimeToTheEvenSecondClampedToTheFormatsRange(String instant, String date, String time) {
        DosTime dos = DosTime.of(Instant.parse(instant));
        assertEquals(Integer.decode(date), dos.date());
        assertEquals(Integer.decode(time), dos.time());
    }
}
