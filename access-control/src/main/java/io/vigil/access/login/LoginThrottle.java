package io.vigil.access.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a username, a client address). A key with {@code limit} failures in the last
 * {@code window} is refused until its oldest counted failure is {@code window} old. A success does not clear the
 * count: a guesser who finds the password once must not get a fresh budget for other accounts from that address.
 */
public final class LoginThrottle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code key} must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blockedFor(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    public void failed(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> blockedFor(e.getKey()).isEmpty());
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
