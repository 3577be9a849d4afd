package io.vigil.alerts.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * How often and when a delivery is tried: exponential backoff, doubling from {@code firstRetryMillis} up to
 * {@code maxRetryMillis}, at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, long firstRetryMillis, long maxRetryMillis) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("vigil.alerts.max-attempts is at least 1: " + maxAttempts);
        }
        if (firstRetryMillis < 1 || maxRetryMillis < firstRetryMillis) {
            throw new IllegalArgumentException("retries wait at least 1 ms, and at most no less than the first: "
                    + firstRetryMillis + ", " + maxRetryMillis);
        }
    }

    /**
     * When to try again after attempt number {@code attemptsMade} (from 1) failed at {@code failedAt}; empty when that
     * was the last one allowed.
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        long waitMillis = firstRetryMillis;
        for (int n = 1; n < attemptsMade && waitMillis < maxRetryMillis; n++) {
            waitMillis = waitMillis > maxRetryMillis / 2 ? maxRetryMillis : waitMillis * 2;
        }
        return Optional.of(failedAt.plusMillis(waitMillis));
    }
}
