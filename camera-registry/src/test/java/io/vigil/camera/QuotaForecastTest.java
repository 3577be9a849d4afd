package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaForecastTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aQuotaIsFullWhenWhatIsLeftOfItIsRecordedAtTheCurrentRate() {
        Object[][] table = {
            // quota, used, bytes/s, full in, keeps
            {500_000_000L, 0L, 125_000.0, Duration.ofSeconds(4_000), Duration.ofSeconds(4_000)},
            {500_000_000L, 250_000_000L, 125_000.0, Duration.ofSeconds(2_000), Duration.ofSeconds(4_000)},
            {2_000_000_000_000L, 0L, 250_000.0, Duration.ofSeconds(8_000_000), Duration.ofSeconds(8_000_000)},
            {1_000L, 0L, 3.0, Duration.ofMillis(333_334), Duration.ofMillis(333_334)}, // rounded up to a millisecond
        };
        for (Object[] row : table) {
            QuotaForecast f = QuotaForecast.of((long) row[0], (long) row[1], (double) row[2], NOW)
                    .orElseThrow();
            assertEquals(NOW.plus((Duration) row[3]), f.fullAt(), java.util.Arrays.toString(row));
            assertEquals(((Duration) row[4]).toMillis(), f.keepsMillis(), java.util.Arrays.toString(row));
        }
    }

    @Test
    void aQuotaReachedOrPassedIsFullNow() {
        assertEquals(NOW, QuotaForecast.of(1_000, 1_000, 10, NOW).orElseThrow().fullAt());
        assertEquals(NOW, QuotaForecast.of(1_000, 5_000, 10, NOW).orElseThrow().fullAt());
        assertEquals(
                100_000, QuotaForecast.of(1_000, 5_000, 10, NOW).orElseThrow().keepsMillis());
    }

    @Test
    void noQuotaOrNoRateForecastsNothing() {
        assertTrue(QuotaForecast.of(0, 0, 100, NOW).isEmpty());
        assertTrue(QuotaForecast.of(-1, 0, 100, NOW).isEmpty());
        assertTrue(QuotaForecast.of(1_000, 0, 0, NOW).isEmpty());
        assertTrue(QuotaForecast.of(1_000, 0, Double.NaN, NOW).isEmpty());
    }

    @Test
    void aForecastReachesOnlyAsFarAsTheHorizon() {
        QuotaForecast f = QuotaForecast.of(Long.MAX_VALUE, 0, 1, NOW).orElseThrow();
        assertNull(f.fullAt());
        assertEquals(QuotaForecast.HORIZON.toMillis(), f.keepsMillis());
    }

    @Test
    void aStreamsStorageForecastsItsQuotaAtItsStatusBitRate() {
        var stored = new io.vigil.archive.read.StoredFootage("lobby", 100_000_000, 60_000, NOW.minusSeconds(60));
        StreamStorage s = StreamStorage.of(stored, 1_000, 500_000_000L, NOW); // 1,000 kbit/s = 125,000 B/s
        assertEquals(125_000L, s.bytesPerSecond());
        assertEquals(NOW.plusSeconds(3_200), s.quotaFullAt());
        assertEquals(4_000_000L, s.quotaKeepsMillis());
        StreamStorage idle = StreamStorage.of(stored, null, 500_000_000L, NOW);
        assertEquals(100_000_000, idle.usedBytes());
        assertNull(idle.quotaFullAt());
        StreamStorage empty = StreamStorage.of(null, 1_000, null, NOW);
        assertEquals(0, empty.usedBytes());
        assertNull(empty.oldest());
        assertNull(empty.quotaKeepsMillis());
    }

    @Test
    void everyCamerasFootageIsForecastAgainstTheGlobalQuotaAtEveryRecordingStreamsRateTogether() {
        var stored = java.util.List.of(
                new io.vigil.archive.read.StoredFootage("lobby", 600_000_000, 1, NOW),
                new io.vigil.archive.read.StoredFootage("lobby.sub", 100_000_000, 1, NOW),
                new io.vigil.archive.read.StoredFootage("gone", 300_000_000, 1, NOW)); // a removed camera's, still kept
        StorageSummary s = StorageSummary.of(stored, java.util.List.of(4_000, 1_000, 3_000), 2_000_000_000L, NOW);
        assertEquals(1_000_000_000, s.usedBytes());
        assertEquals(1_000_000, s.bytesPerSecond()); // 8,000 kbit/s
        assertEquals("2GB", s.quota());
        assertEquals(NOW.plusSeconds(1_000), s.quotaFullAt());
        assertEquals(2_000_000, s.quotaKeepsMillis());
        StorageSummary none = StorageSummary.of(stored, java.util.List.of(4_000), null, NOW);
        assertNull(none.quota());
        assertNull(none.quotaFullAt());
        assertNull(none.quotaKeepsMillis());
    }
}
