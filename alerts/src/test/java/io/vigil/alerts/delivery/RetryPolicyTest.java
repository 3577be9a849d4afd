package io.vigil.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exponential backoff: each wait doubles from the first, up to the longest, and the last attempt has no next. */
class RetryPolicyTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    static final RetryPolicy POLICY = new RetryPolicy(8, 5_000, 60_000);

    @ParameterizedTest(name = "after attempt {0} fails, wait {1} ms")
    @CsvSource({"1, 5000", "2, 10000", "3, 20000", "4, 40000", "5, 60000", "6, 60000", "7, 60000", "8, -1"})
    void theWaitAfterAFailedAttemptDoublesUpToTheLongestAndStopsAfterTheLast(int attempt, long waitMillis) {
        Optional<Instant> next = POLICY.nextAttempt(attempt, T);
        assertEquals(waitMillis < 0 ? Optional.empty() : Optional.of(T.plusMillis(waitMillis)), next);
    }

    @org.junit.jupiter.api.Test
    void hugeWaitsDoNotOverflow() {
        RetryPolicy huge = new RetryPolicy(100, Long.MAX_VALUE / 4, Long.MAX_VALUE / 2);
        assertEquals(huge.nextAttempt(99, Instant.EPOCH), Optional.of(Instant.EPOCH.plusMillis(Long.MAX_VALUE / 2)));
    }

    @org.junit.jupiter.api.Test
    void aPolicyRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, 10, 5));
    }
}
