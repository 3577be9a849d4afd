package io.vigil.playback;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.Listing;
import io.vigil.archive.store.ObjectStore;
import io.vigil.kernel.StreamName;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses how playlists address segments: relative URIs Vigil serves, or presigned object-store URLs
 * when {@code vigil.playback.delivery=presigned}, each valid as long as {@link PresignPolicy} allows (a live playlist's
 * never past the segment's live age). Segments still in the spool, a share link's and those too old for a live
 * playlist are always served by Vigil.
 */
@Singleton
public class SegmentUrls {

    private final PlaybackConfig config;
    private final ObjectStore store;
    private final ArchiveReader archive;
    private final PresignPolicy presign;
    private final Clock clock;

    /** @param liveSegmentAge how long a segment counts as live, for viewers ({@code vigil.security.live-segment-age}) */
    public SegmentUrls(
            PlaybackConfig config,
            ObjectStore store,
            ArchiveReader archive,
            Clock clock,
            @Value("${vigil.security.live-segment-age:10m}") Duration liveSegmentAge) {
        this.archive = archive;
        this.clock = clock;
        this.presign = new PresignPolicy(config.presignedValidity(), liveSegmentAge);
        this.config = config;
        this.store = store;
    }

    /** The query parameter of a share link, carried onto the relative segment URIs of a playlist it opened. */
    public static final String SHARE_PARAMETER = "share";
    /** The query parameter naming a camera's stream ({@code main} when missing). */
    public static final String STREAM_PARAMETER = "stream";

    /** URIs for a live playlist: presigned ones only while their segment is live. See {@link #forRange}. */
    public MediaPlaylist.SegmentUris forLive(Listing listing, HttpRequest<?> request) {
        return forCamera(listing, request, true);
    }

    /**
     * URIs for a playlist of {@code listing} served under {@code /api/cameras/{id}/}. A playlist
     * requested through a share link lists its segments with the same {@code share} parameter, so a player
     * that cannot send headers (Safari, VLC) plays it with nothing but the link.
     */
    public MediaPlaylist.SegmentUris forRange(Listing listing, HttpRequest<?> request) {
        return forCamera(listing, request, false);
    }

    private MediaPlaylist.SegmentUris forCamera(Listing listing, HttpRequest<?> request, boolean live) {
        String share = request.getParameters().get(SHARE_PARAMETER);
        MediaPlaylist.SegmentUris relative = MediaPlaylist.relative(carriedQuery(request));
        if (share == null || share.isEmpty()) {
            return forCamera(listing, live, relative);
        }
        // through Vigil, never presigned: a revoked or expired link must stop working at once
        return relative;
    }

    /**
     * The query a playlist's relative URIs carry from the playlist's own request: {@code stream=sub} for the sub
     * stream's (the segment routes read the same stream), {@code share} for one a share link opened.
     */
    static String carriedQuery(HttpRequest<?> request) {
        List<String> carried = new ArrayList<>();
        if (StreamName.SUB.param().equals(request.getParameters().get(STREAM_PARAMETER))) {
            carried.add(STREAM_PARAMETER + "=" + StreamName.SUB.param());
        }
        String share = shareParameter(request);
        if (!share.isEmpty()) {
            carried.add(share);
        }
        return carried.isEmpty() ? "" : "?" + String.join("&", carried);
    }

    /** {@code share=...} when a share link opened the request, else empty: what every URI it answers with carries. */
    static String shareParameter(HttpRequest<?> request) {
        String share = request.getParameters().get(SHARE_PARAMETER);
        return share == null || share.isEmpty()
                ? ""
                : SHARE_PARAMETER + "=" + URLEncoder.encode(share, StandardCharsets.UTF_8);
    }

    /** URIs for a playlist of {@code listing} served under {@code /api/cameras/{id}/}. */
    private MediaPlaylist.SegmentUris forCamera(Listing listing, boolean live, MediaPlaylist.SegmentUris relative) {
        if (config.delivery() == PlaybackConfig.Delivery.PROXIED || listing.isEmpty()) {
            return relative;
        }
        Map<Long, String> objectKeys = archive.objectKeys(listing); // the spooled ones have none yet
        Instant now = clock.instant();
        return new MediaPlaylist.SegmentUris() {
            @Override
            public String mediaSegment(ListedSegment segment) {
                String key = objectKeys.get(segment.sequence());
                Optional<Duration> validity = presign.validity(Instant.ofEpochMilli(segment.startMillis()), now, live);
                return key == null || validity.isEmpty()
                        ? relative.mediaSegment(segment)
                        : store.presignedGet(key, validity.get());
            }

            @Override
            public String initSegment(String initKey) {
                // codec parameters only, no picture: valid as long as any presigned URL
                return listing.isSpooledInit(initKey)
                        ? relative.initSegment(initKey)
                        : store.presignedGet(initKey, config.presignedValidity());
            }
        };
    }
}
