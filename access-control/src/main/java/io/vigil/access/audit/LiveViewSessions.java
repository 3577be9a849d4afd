package io.vigil.access.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a new viewing session from one going on: a player polls a live playlist every few seconds, and the audit
 * log wants one LIVE_VIEW (or SHARE_USE) per session. Requests with the same key (viewer, camera, address) less
 * than {@code gap} apart belong to one session.
 */
public final class LiveViewSessions {

    static final int MAX_SESSIONS = 50_000;

    private final Duration gap;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    public LiveViewSessions(Duration gap) {
        this.gap = gap;
    }

    /** Notes a request at {@code now}; true when it starts a new session. */
    public boolean starts(String key, Instant now) {
        Instant previous = lastSeen.put(key, now);
        if (lastSeen.size() > MAX_SESSIONS) {
            lastSeen.entrySet().removeIf(e -> e.getValue().plus(gap).isBefore(now));
            if (lastSeen.size() > MAX_SESSIONS) {
                lastSeen.clear(); // a flood: better a few extra rows than unbounded memory
            }
        }
        return previous == null || !previous.plus(gap).isAfter(now);
    }
}
