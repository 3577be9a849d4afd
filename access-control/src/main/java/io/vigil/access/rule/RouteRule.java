package io.vigil.access.rule;

import io.micronaut.core.annotation.Nullable;
import io.vigil.access.Permission;
import io.vigil.access.audit.AuditAction;
import java.util.Objects;

/**
 * The rule of one route: the permission it needs, what its use is audited as (null: not audited), and how a
 * share link may open it.
 */
public record RouteRule(Permission permission, @Nullable AuditAction audit, ShareUse share) {

    /** How a share link opens a route. */
    public enum ShareUse {
        /** It does not. */
        NO,
        /** When the request's {@code start} and {@code end} are exactly the link's range (playlist, clip, manifest). */
        EXACT_RANGE,
        /** When the segment overlaps the link's range. */
        SEGMENT,
        /** Init segments of the link's camera. */
        INIT
    }

    public RouteRule {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(share, "share");
    }
}
