package io.vigil.access.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveViewSessionsTest {

    @Test
    void pollingIsOneSessionAndAPauseStartsAnother() {
        LiveViewSessions sessions = new LiveViewSessions(Duration.ofMinutes(2));
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        assertTrue(sessions.starts("alice|lobby", t));
        for (int i = 1; i <= 100; i++) {
            assertFalse(sessions.starts("alice|lobby", t.plusSeconds(2L * i)), "poll " + i);
        }
        assertTrue(sessions.starts("bob|lobby", t.plusSeconds(10)), "another viewer");
        assertTrue(sessions.starts("alice|yard", t.plusSeconds(10)), "another camera");
        assertTrue(sessions.starts("alice|lobby", t.plusSeconds(200).plus(Duration.ofMinutes(2))), "after a pause");
    }
}
