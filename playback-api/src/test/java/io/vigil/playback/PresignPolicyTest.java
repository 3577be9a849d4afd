package io.vigil.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresignPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final PresignPolicy policy = new PresignPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10));

    @Test
    void aRangePlaylistsUrlsLiveTheConfiguredValidity() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), policy.validity(NOW.minus(Duration.ofDays(3)), NOW, false));
    }

    @Test
    void aLivePlaylistsUrlsNeverOutliveTheirSegmentsLiveAge() {
        assertEquals(
                Optional.of(Duration.ofMinutes(5)), policy.validity(NOW.minusSeconds(4), NOW, true), "a fresh segment");
        assertEquals(Optional.of(Duration.ofSeconds(299)), policy.validity(NOW.minusSeconds(301), NOW, true));
        assertEquals(
                Optional.of(Duration.ofSeconds(59)),
                policy.validity(NOW.minusMillis(540_500), NOW, true),
                "rounded down to whole seconds: 59.5 s left");
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.validity(NOW.minusSeconds(599), NOW, true));
        assertEquals(Optional.empty(), policy.validity(NOW.minusMillis(599_001), NOW, true), "less than a second left");
        assertEquals(
                Optional.empty(), policy.validity(NOW.minusSeconds(600), NOW, true), "no longer live: through Vigil");
        assertEquals(Optional.empty(), policy.validity(NOW.minus(Duration.ofHours(1)), NOW, true));
    }

    @Test
    void refusesAValidityOverTenMinutesOrUnderASecond() {
        assertThrows(
                IllegalArgumentException.class, () -> new PresignPolicy(Duration.ofHours(6), Duration.ofMinutes(10)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PresignPolicy(Duration.ofMillis(999), Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new PresignPolicy(Duration.ofMinutes(5), Duration.ZERO));
        assertEquals(
                PresignPolicy.MAX_VALIDITY,
                new PresignPolicy(Duration.ofMinutes(10), Duration.ofMinutes(10)).validity());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PlaybackConfig(
                        6,
                        2,
                        Duration.ofSeconds(1),
                        Duration.ofDays(31),
                        Duration.ofHours(24),
                        PlaybackConfig.Delivery.PRESIGNED,
                        Duration.ofMinutes(11),
                        4,
                        Duration.ofHours(24)));
        assertEquals(
                "vigil.playback.presigned-validity must be 1 s to 10 min (a presigned URL lets anyone holding it fetch "
                        + "the segment without Vigil's access rules or audit), was PT11M",
                e.getMessage());
    }
}
