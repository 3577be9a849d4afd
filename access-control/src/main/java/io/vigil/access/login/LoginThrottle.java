package io.vigil.access.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a username, a client address). A key with {@code limit} failures in the last
 * {@code window} is refused until enough of them are {@code window} old. Every attempt counts before its password
 * is checked; a right one takes back only itself, never the failures before it, so a guesser who finds one
 * password gets no fresh budget for other accounts from that address.
 *
 * <p>The attempts live in {@link Attempts}: the database ({@link SharedLoginAttempts}), so every node of a cluster
 * counts the same failures, or memory for tests. An attempt is stored first and counted after, so parallel
 * guesses, on one node or several, cannot all slip under the limit: at worst all of them are refused.
 */
public final class LoginThrottle {

    /** Where attempts are kept: per key, with an id and a time. */
    public interface Attempts {
        void add(String key, String attemptId, Instant at);

        /** Times of the key's attempts after {@code after}, oldest first. */
        List<Instant> since(String key, Instant after);

        void remove(String key, String attemptId);
    }

    private final String kind;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Attempts attempts;

    /** @param kind what the keys are ({@code user}, {@code address}): keys of different kinds never mix */
    public LoginThrottle(String kind, int limit, Duration window, Clock clock, Attempts attempts) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.kind = kind;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** How long {@code key} must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blockedFor(String key) {
        Instant now = clock.instant();
        List<Instant> times = attempts.since(kind + ":" + key, now.minus(window));
        if (times.size() < limit) {
            return Optional.empty();
        }
        // it may try again once all but limit - 1 of them have left the window
        Duration wait = Duration.between(now, times.get(times.size() - limit).plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /**
     * Counts an attempt now, before the password is checked; empty when {@code key} is over its limit (then
     * nothing stays counted). Returns the attempt's id, for {@link #forgive} when it turns out right.
     */
    public Optional<String> attempt(String key) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        attempts.add(kind + ":" + key, id, now);
        if (attempts.since(kind + ":" + key, now.minus(window)).size() > limit) {
            attempts.remove(kind + ":" + key, id);
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** Takes back an attempt that turned out right. */
    public void forgive(String key, String attemptId) {
        attempts.remove(kind + ":" + key, attemptId);
    }

    /** Attempts in this process's memory: for tests, and as the shape {@link SharedLoginAttempts} follows. */
    public static final class InMemory implements Attempts {

        private record Attempt(String id, Instant at) {}

        private final Map<String, List<Attempt>> byKey = new ConcurrentHashMap<>();

        @Override
        public void add(String key, String attemptId, Instant at) {
            List<Attempt> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            synchronized (list) {
                list.add(new Attempt(attemptId, at));
            }
        }

        @Override
        public List<Instant> since(String key, Instant after) {
            List<Attempt> list = byKey.getOrDefault(key, List.of());
            synchronized (list) {
                return list.stream()
                        .map(Attempt::at)
                        .filter(t -> t.isAfter(after))
                        .sorted()
                        .toList();
            }
        }

        @Override
        public void remove(String key, String attemptId) {
            List<Attempt> list = byKey.get(key);
            if (list != null) {
                synchronized (list) {
                    list.removeIf(a -> a.id().equals(attemptId));
                }
            }
        }
    }
}
