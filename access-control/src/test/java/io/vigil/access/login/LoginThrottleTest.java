package io.vigil.access.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final LoginThrottle throttle =
            new LoginThrottle("user", 3, Duration.ofMinutes(5), clock, new LoginThrottle.InMemory());

    @Test
    void locksAfterTheLimitUntilTheOldestFailureIsAWindowOld() {
        throttle.attempt("alice");
        clock.advance(Duration.ofMinutes(1));
        throttle.attempt("alice");
        assertTrue(throttle.blockedFor("alice").isEmpty(), "two of three");
        throttle.attempt("alice");
        assertEquals(Duration.ofMinutes(4), throttle.blockedFor("alice").orElseThrow());
        assertTrue(throttle.blockedFor("bob").isEmpty(), "keys are separate");
        clock.advance(Duration.ofMinutes(4));
        assertTrue(throttle.blockedFor("alice").isEmpty(), "the first failure left the window");
        throttle.attempt("alice");
        assertTrue(throttle.blockedFor("alice").isPresent(), "back at the limit within the window");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowNeverLock() {
        for (int i = 0; i < 20; i++) {
            throttle.attempt("slow");
            clock.advance(Duration.ofMinutes(3));
            assertTrue(throttle.blockedFor("slow").isEmpty(), "attempt " + i);
        }
    }

    @Test
    void attemptsCountBeforeTheCheckAndRightOnesAreForgiven() {
        String first = throttle.attempt("carol").orElseThrow();
        String second = throttle.attempt("carol").orElseThrow();
        assertTrue(throttle.attempt("carol").isPresent(), "a third attempt is let through");
        assertTrue(throttle.attempt("carol").isEmpty(), "a fourth attempt in flight is refused before any check");
        throttle.forgive("carol", first);
        throttle.forgive("carol", second);
        assertTrue(throttle.attempt("carol").isPresent(), "right passwords do not count");
    }
}
