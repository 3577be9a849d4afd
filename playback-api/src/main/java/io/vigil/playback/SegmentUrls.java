package io.vigil.playback;

import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import jakarta.inject.Singleton;

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
