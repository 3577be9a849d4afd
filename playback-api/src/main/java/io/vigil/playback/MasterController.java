package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.live.LiveEdges;
import io.vigil.media.mp4.VideoSize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code master.m3u8}: the HLS multivariant playlist of a camera's streams ({@link MasterPlaylist}), live, or with
 * {@code start} (and {@code end}) a time range: one variant per stream with footage there (the last minute for live),
 * its bit rates measured from its stored segments, its codecs and picture size read from its init segment
 * ({@link ManifestFacts}, as the DASH manifests have them), live also its frame rate as its recorder measures it. The
 * variants' URIs are the streams' own playlists ({@code live.m3u8?stream=sub}, {@code playlist.m3u8?...&stream=sub}),
 * which a player aligns by their program date times.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MasterController {

    private static final Duration LIVE_MEASURE = Duration.ofMinutes(1);

    private final RecordedCameras recorded;
    private final CameraRegistry cameras;
    private final ArchiveReader archive;
    private final ManifestFacts facts;
    private final CameraStatusBoard statuses;
    private final LiveEdges edges;
    private final PlaybackConfig config;
    private final Clock clock;

    public MasterController(
            RecordedCameras recorded,
            CameraRegistry cameras,
            ArchiveReader archive,
            ManifestFacts facts,
            CameraStatusBoard statuses,
            LiveEdges edges,
            PlaybackConfig config,
            Clock clock) {
        this.recorded = recorded;
        this.cameras = cameras;
        this.archive = archive;
        this.facts = facts;
        this.statuses = statuses;
        this.edges = edges;
        this.config = config;
        this.clock = clock;
    }

    @Get("/master.m3u8")
    public HttpResponse<String> master(
            HttpRequest<?> request, String id, @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        recorded.require(id);
        Instant now = clock.instant();
        boolean live = start == null && end == null;
        TimeRange range = live
                ? new TimeRange(now.minus(LIVE_MEASURE), now)
                : end == null ? new TimeRange(TimeRange.instant("start", start), now) : TimeRange.parse(start, end);
        if (!live) {
            HistoryController.requireWithinLimit(range, config);
        }
        String share = SegmentUrls.shareParameter(request);
        List<MasterPlaylist.Variant> variants = new ArrayList<>();
        boolean lowLatency = false;
        for (StreamName stream : StreamName.values()) {
            String key = StreamKey.of(id, stream).value();
            List<ListedSegment> segments = archive.range(key, range, false).segments();
            if (segments.isEmpty()) {
                continue;
            }
            Optional<VideoSize> size = facts.size(key, segments);
            variants.add(MasterPlaylist.Variant.of(
                    stream.param(),
                    uri(live, range, end, stream, share),
                    facts.bandwidth(key, segments),
                    facts.codecs(key, segments),
                    size.map(VideoSize::width).orElse(null),
                    size.map(VideoSize::height).orElse(null),
                    live ? framesPerSecond(id, stream) : null));
            lowLatency |= live && edges.find(key).isPresent();
        }
        if (variants.isEmpty()) {
            throw new VigilException(
                    ErrorCode.NO_RECORDINGS,
                    "camera " + id + " has no stored footage "
                            + (live ? "from the last minute" : "in " + range.start() + " .. " + range.end()));
        }
        return HttpResponse.ok(MasterPlaylist.of(variants, lowLatency, true))
                .contentType(PlaybackController.HLS)
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.REVALIDATE);
    }

    /** The stream's own playlist, relative to this one, carrying a share link's parameter. */
    private static String uri(boolean live, TimeRange range, String end, StreamName stream, String share) {
        List<String> query = new ArrayList<>();
        if (!live) {
            query.add("start=" + range.start());
            if (end != null) {
                query.add("end=" + range.end());
            }
        }
        if (stream == StreamName.SUB) {
            query.add(SegmentUrls.STREAM_PARAMETER + "=" + stream.param());
        }
        if (!share.isEmpty()) {
            query.add(share);
        }
        return (live ? "live.m3u8" : "playlist.m3u8") + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** The stream's frame rate as its recorder measured it over the last minute, if the camera is registered. */
    private Double framesPerSecond(String id, StreamName stream) {
        return cameras.list().stream()
                .filter(c -> c.id().equals(id) && c.has(stream))
                .findFirst()
                .map(c -> statuses.get(c, stream).framesPerSecond())
                .orElse(null);
    }
}
