package io.vigil.playback;

import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses how playlists address segments: relative URIs Vigil serves, or presigned object-store URLs
 * when {@code playback.delivery=presigned}. Segments still in the spool are always served by Vigil.
 */
@Singleton
public class SegmentUrls {

    private final PlaybackConfig config;
    private final ObjectStore store;
    private final SegmentCatalog catalog;
    private final SegmentIndex index;

    public SegmentUrls(PlaybackConfig config, ObjectStore store, SegmentCatalog catalog, SegmentIndex index) {
        this.index = index;
        this.config = config;
        this.store = store;
        this.catalog = catalog;
    }

    /** The query parameter of a share link, carried onto the relative segment URIs of a playlist it opened. */
    public static final String SHARE_PARAMETER = "share";

    /**
     * URIs for a playlist of {@code listed} (oldest first) served under {@code /api/cameras/{id}/}. A playlist
     * requested through a share link lists its segments with the same {@code share} parameter, so a player
     * that cannot send headers (Safari, VLC) plays it with nothing but the link.
     */
    public MediaPlaylist.SegmentUris forCamera(String cameraId, List<ListedSegment> listed, HttpRequest<?> request) {
        String share = request.getParameters().get(SHARE_PARAMETER);
        if (share == null || share.isEmpty()) {
            return forCamera(cameraId, listed);
        }
        // through Vigil, never presigned: a revoked or expired link must stop working at once
        MediaPlaylist.SegmentUris uris = MediaPlaylist.RELATIVE;
        String query = "?" + SHARE_PARAMETER + "=" + URLEncoder.encode(share, StandardCharsets.UTF_8);
        return new MediaPlaylist.SegmentUris() {
            @Override
            public String mediaSegment(ListedSegment segment) {
                return uris.mediaSegment(segment) + query;
            }

            @Override
            public String initSegment(String initKey) {
                return uris.initSegment(initKey) + query;
            }
        };
    }

    /** URIs for a playlist of {@code listed} (oldest first) served under {@code /api/cameras/{id}/}. */
    public MediaPlaylist.SegmentUris forCamera(String cameraId, List<ListedSegment> listed) {
        if (config.delivery() == PlaybackConfig.Delivery.PROXIED || listed.isEmpty()) {
            return MediaPlaylist.RELATIVE;
        }
        List<Segment> spooled = catalog.spooled(cameraId);
        Set<Long> spooledSequences = spooled.stream().map(Segment::sequence).collect(Collectors.toSet());
        Set<String> spooledInits = spooled.stream().map(Segment::initKey).collect(Collectors.toSet());
        Map<Long, String> objectKeys = index.objectKeys(cameraId, listed.get(0).sequence(),
                listed.get(listed.size() - 1).sequence());
        return new MediaPlaylist.SegmentUris() {
            @Override
            public String mediaSegment(ListedSegment segment) {
                String key = objectKeys.get(segment.sequence());
                return key == null || spooledSequences.contains(segment.sequence())
                        ? MediaPlaylist.RELATIVE.mediaSegment(segment) : store.presignedGet(key, config.presignedValidity());
            }

            @Override
            public String initSegment(String initKey) {
                return spooledInits.contains(initKey) ? MediaPlaylist.RELATIVE.initSegment(initKey)
                        : store.presignedGet(initKey, config.presignedValidity());
            }
        };
    }
}
