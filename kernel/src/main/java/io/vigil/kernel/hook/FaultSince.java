package io.vigil.kernel.hook;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Since when each fault a module sees has been seen, for a module that only learns of a fault when it looks: the first
 * look that saw it, forgotten at the first look that did not. Thread-safe.
 */
public final class FaultSince {

    private final Map<String, Instant> firstSeen = new HashMap<>();

    /** Notes the keys seen at {@code now}; forgets the others. */
    public synchronized void seen(Set<String> keys, Instant now) {
        firstSeen.keySet().retainAll(keys);
        for (String key : keys) {
            firstSeen.putIfAbsent(key, now);
        }
    }

    /** Since when {@code key} has been seen; {@code now} if it was not at the last look. */
    public synchronized Instant since(String key, Instant now) {
        return firstSeen.getOrDefault(key, now);
    }
}
