package io.vigil.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConsoleConfigTest {

    @Test
    void aSiteTimeZoneIsAnIanaNameOrUtc() {
        assertEquals("America/New_York", new ConsoleConfig("America/New_York").timeZone());
        assertEquals("UTC", new ConsoleConfig("UTC").timeZone());
    }

    @Test
    void anUnknownTimeZoneStopsTheStartWithTheSettingsName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ConsoleConfig("Mars/Olympus_Mons"));
        assertEquals(
                "vigil.console.time-zone must be an IANA time zone such as Europe/Paris or UTC: Mars/Olympus_Mons",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConsoleConfig(null));
    }
}
