package io.vigil.playback;

/**
 * The {@code Cache-Control} of every answer that carries footage or points at it. All are {@code private}: a shared
 * cache in front of Vigil (a proxy, a CDN) must never hand one user's video to another, nor keep it once access
 * control or retention says it is gone. Browsers may keep what never changes; a clip or its manifest, made for
 * one export, is not stored at all.
 */
public final class FootageCaching {

    /** Segments and init segments: their bytes never change under their URL. */
    public static final String IMMUTABLE = "private, max-age=31536000, immutable";
    /** Live and growing playlists, the newest snapshot: asked again every time. */
    public static final String REVALIDATE = "private, no-cache";
    /** A playlist of a range that has ended: it changes only if retention removes footage. */
    public static final String PAST_PLAYLIST = "private, max-age=60";
    /** A live part or segment from the live edge: its bytes never change, and it is of no use a minute later. */
    public static final String LIVE_PART = "private, max-age=60";
    /** A snapshot of a given time. */
    public static final String PAST_SNAPSHOT = "private, max-age=3600";
    /** Clips and their signed manifests: exports, kept by whoever asked for them, never by a cache. */
    public static final String NO_STORE = "private, no-store";

    private FootageCaching() {}
}
