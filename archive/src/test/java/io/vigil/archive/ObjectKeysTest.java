package io.vigil.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void mediaKeysAreGroupedByUtcHour() {
        Instant start = Instant.parse("2026-11-22T23:59:58.123Z");
        assertEquals("lobby/2026/11/22/23/1795391998123-42.m4s", ObjectKeys.mediaSegment("lobby", start, 42));
    }

    @Test
    void initKeysAreContentAddressed() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xab;
        assertEquals("yard/init/ab000000000000000000000000000000.mp4", ObjectKeys.initSegment("yard", digest));
    }

    @Test
    void rejectsIdsThatWouldEscapeTheLayout() {
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.mediaSegment("../etc", Instant.EPOCH, 1));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.hourPrefix("Lobby", Instant.EPOCH));
        assertEquals("lobby/1970/01/01/00/", ObjectKeys.hourPrefix("lobby", Instant.EPOCH));
    }
}
