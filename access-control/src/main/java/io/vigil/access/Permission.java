package io.vigil.access;

import java.util.Locale;

/** What a route needs. Roles are sets of permissions ({@link Role}); every route needs exactly one. */
public enum Permission {
    /** Anyone, signed in or not: health, the API description, the export-signing public key, sign-in. */
    PUBLIC,
    /** List cameras and their status. */
    CAMERAS_READ,
    /** Register, change and remove cameras. */
    CAMERAS_WRITE,
    /** Live playlists and the recent segments they list. */
    LIVE,
    /** The timeline of recorded spans and gaps. */
    TIMELINE,
    /** Recorded footage: history playlists, any segment, clips and their manifests, snapshots, verification. */
    HISTORY,
    /** Place, list and release holds. */
    HOLDS,
    /** Create, list and revoke share links. */
    SHARES,
    /** Read the audit log. */
    AUDIT,
    /** Read retention runs and previews. */
    RETENTION_READ,
    /** Start a retention run. */
    RETENTION_RUN,
    /** See the cluster's nodes and which cameras each records. */
    CLUSTER,
    /** Compare index, object store and spool ({@code /api/archive/check}). */
    ARCHIVE_CHECK,
    /** Read events and bookmarks ({@code /api/events}). */
    EVENTS_READ,
    /** Post and delete events and bookmarks; what an API token with the {@code events:write} scope may do. */
    EVENTS_WRITE,
    /** Open, read and close incidents, and export their packages. */
    INCIDENTS,
    /** Read the alerts sent and their deliveries ({@code /api/alerts}). */
    ALERTS_READ,
    /** Send a test alert; make and delete event rules and webhook targets ({@code /api/alerts/test}, {@code /rules}, {@code /targets}). */
    ALERTS_WRITE,
    /** Create, list and revoke API tokens. */
    TOKENS,
    /** Manage users. */
    USERS,
    /** Scrape Prometheus metrics (also allowed with the configured scrape token). */
    METRICS;

    /** The name the console reads in a sign-in's {@code permissions}: lower case, {@code -} for {@code _}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
