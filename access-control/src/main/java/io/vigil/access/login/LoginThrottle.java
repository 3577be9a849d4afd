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
 * {@code window} is refused until its oldest counted failure is {@code window} old. Every attempt counts before
 * its password is checked; a right one takes back only itself, never the failures before it, so a guesser who
 * finds one password gets no fresh budget for other accounts from that address.
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

    /**
     * Counts an attempt now, before the password is checked, so parallel guesses cannot all pass the limit;
     * empty when {@code key} is over its limit (nothing counted). A successful attempt is {@link #forgive}n.
     */
    public Optional<Instant> attempt(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() >= limit) {
                return Optional.empty();
            }
            times.addLast(now);
            tidy();
            return Optional.of(now);
        }
    }

    /** Takes back an attempt that turned out right. */
    public void forgive(String key, Instant attempt) {
        Deque<Instant> times = failures.get(key);
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(attempt);
            }
        }
    }

    private void tidy() {
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> blockedFor(e.getKey()).isEmpty());
            if (failures.size() > 100_000) {
                failures.clear();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
