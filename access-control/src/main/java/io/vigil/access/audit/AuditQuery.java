package io.vigil.access.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * A filter over the audit log: events in {@code [from, to)} (either may be open), of one user, camera and action
 * when given, only of the cameras in {@code cameras} unless that is null, after event {@code afterId} in the order
 * asked (0: from the start), at most {@code limit} of them, oldest first or, {@code newestFirst}, newest first (then
 * "after" an event means older than it).
 */
public record AuditQuery(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String username,
        @Nullable String cameraId,
        @Nullable AuditAction action,
        @Nullable Set<String> cameras,
        long afterId,
        int limit,
        boolean newestFirst) {

    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (afterId < 0) {
            throw new IllegalArgumentException("afterId must be >= 0");
        }
        cameras = cameras == null ? null : Set.copyOf(cameras);
    }

    public AuditQuery after(long id) {
        return new AuditQuery(from, to, username, cameraId, action, cameras, id, limit, newestFirst);
    }

    /** The same filter, order and cursor, at most {@code max} events. */
    public AuditQuery limited(int max) {
        return new AuditQuery(from, to, username, cameraId, action, cameras, afterId, max, newestFirst);
    }
}
