package io.vigil.access;

import static io.vigil.access.Permission.ALERTS_READ;
import static io.vigil.access.Permission.AUDIT;
import static io.vigil.access.Permission.CAMERAS_READ;
import static io.vigil.access.Permission.CAMERAS_WRITE;
import static io.vigil.access.Permission.EVENTS_READ;
import static io.vigil.access.Permission.EVENTS_WRITE;
import static io.vigil.access.Permission.HISTORY;
import static io.vigil.access.Permission.HOLDS;
import static io.vigil.access.Permission.INCIDENTS;
import static io.vigil.access.Permission.LIVE;
import static io.vigil.access.Permission.RETENTION_READ;
import static io.vigil.access.Permission.SHARES;
import static io.vigil.access.Permission.TIMELINE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A user's role. Each user has exactly one; the names are what the API and config files use
 * ({@code viewer}, {@code auditor}, {@code installer}, {@code admin}).
 */
public enum Role {
    /** Security staff: live video, camera list and status, the timeline and its events. */
    VIEWER(EnumSet.of(CAMERAS_READ, LIVE, TIMELINE, EVENTS_READ)),
    /**
     * Viewer, plus recorded footage, clips, snapshots, holds, share links, posting and deleting events, incidents,
     * the audit log, retention runs and the alerts sent.
     */
    AUDITOR(EnumSet.of(
            CAMERAS_READ,
            LIVE,
            TIMELINE,
            EVENTS_READ,
            EVENTS_WRITE,
            INCIDENTS,
            HISTORY,
            HOLDS,
            SHARES,
            AUDIT,
            RETENTION_READ,
            ALERTS_READ)),
    /**
     * Cameras: register, change, remove, see status and which node records each, and live video to aim and check a
     * camera, and the alerts sent (a camera down). No history.
     */
    INSTALLER(EnumSet.of(CAMERAS_READ, CAMERAS_WRITE, LIVE, Permission.CLUSTER, Permission.ALERTS_READ)),
    /** Everything, users and API tokens included. */
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.PUBLIC)));

    // an EnumSet only this enum sees, never changed
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permission == Permission.PUBLIC || permissions.contains(permission);
    }

    /**
     * What the role may, by {@link Permission#id()}, in declaration order, {@code public} left out: what the console
     * shows and hides by (the server still decides every request).
     */
    public List<String> permissionIds() {
        return Arrays.stream(Permission.values())
                .filter(p -> p != Permission.PUBLIC && may(p))
                .map(Permission::id)
                .toList();
    }

    /** The name used in the API and config: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
    }
}
