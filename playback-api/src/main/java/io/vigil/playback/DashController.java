package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.index.ListedSegment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.media.mp4.VideoSize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * MPEG-DASH manifests ({@link DashManifest}) of a camera's streams (a representation each: main, and sub where it has
 * footage), over the segments and init segments the HLS
 * playlists list, served by the same routes ({@code segments/{sequence}.m4s}, {@code init/{name}}): {@code
 * manifest.mpd?start=&end=}, a static manifest of a range (validated, audited and opened by share links as the ranged
 * {@code playlist.m3u8}), and {@code live.mpd}, a dynamic manifest of the archive's newest segments (as {@code
 * live.m3u8?source=archive}). Live and history are two routes, as in HLS, because each route has one access rule:
 * viewers may watch live, only auditors the past. Segments are always addressed through Vigil: one {@code $Number$}
 * template cannot carry a presigned URL per segment. Players synchronise to the clock written into the live manifest
 * ({@code urn:mpeg:dash:utc:direct:2014}), so no time route is needed.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashController {

    static final MediaType DASH = MediaType.of("application/dash+xml");

    private final RecordedCameras recorded;
    private final CameraRegistry cameras;
    private final ArchiveReader archive;
    private final ManifestFacts facts;
    private final PlaybackConfig config;
    private final Clock clock;

    public DashController(
            RecordedCameras recorded,
            CameraRegistry cameras,
            ArchiveReader archive,
            ManifestFacts facts,
            PlaybackConfig config,
            Clock clock) {
        this.recorded = recorded;
        this.cameras = cameras;
        this.archive = archive;
        this.facts = facts;
        this.config = config;
        this.clock = clock;
    }

    @Get("/manifest.mpd")
    public HttpResponse<String> range(
            HttpRequest<?> request, String id, @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        recorded.require(id);
        TimeRange range = TimeRange.parse(start, end);
        HistoryController.requireWithinLimit(range, config);
        List<DashStream> streams =
                streams(request, id, key -> archive.range(key, range, false).segments());
        if (streams.isEmpty()) {
            throw new VigilException(
                    ErrorCode.NO_RECORDINGS,
                    "camera " + id + " has no recordings in " + range.start() + " .. " + range.end());
        }
        String body = DashManifest.ofRange(
                streams, range, config.gapTolerance().toMillis(), targetMillis(), facts.anchors(id));
        return HttpResponse.ok(body)
                .contentType(DASH)
                .header(
                        HttpHeaders.CACHE_CONTROL,
                        range.end().isBefore(clock.instant())
                                ? FootageCaching.PAST_PLAYLIST
                                : FootageCaching.REVALIDATE);
    }

    @Get("/live.mpd")
    public HttpResponse<String> live(HttpRequest<?> request, String id) {
        cameras.get(id);
        List<DashStream> streams = streams(
                request,
                id,
                key -> archive.live(key, config.liveWindowSegments()).listing().segments());
        if (streams.isEmpty()) {
            throw new VigilException(ErrorCode.NO_RECORDINGS, "camera " + id + " has no recordings yet");
        }
        Instant now = clock.instant();
        Duration target = Duration.ofMillis(targetMillis());
        String body = DashManifest.live(
                streams,
                config.gapTolerance().toMillis(),
                targetMillis(),
                new DashManifest.Live(
                        now,
                        target,
                        target.multipliedBy(config.liveWindowSegments()),
                        target.multipliedBy(3),
                        DashManifest.UtcTiming.direct(now)),
                facts.anchors(id));
        return HttpResponse.ok(body).contentType(DASH).header(HttpHeaders.CACHE_CONTROL, FootageCaching.REVALIDATE);
    }

    /**
     * One representation per stream of the camera with segments there ({@code segments} lists them by stream key),
     * main first. A manifest a share link opened names its segments with the link's {@code share} parameter, so a
     * player that cannot send headers plays it with nothing but the link; a sub stream's carry {@code stream=sub}.
     */
    private List<DashStream> streams(
            HttpRequest<?> request, String id, Function<String, List<ListedSegment>> segments) {
        String share = request.getParameters().get(SegmentUrls.SHARE_PARAMETER);
        List<DashStream> streams = new ArrayList<>();
        for (StreamName name : StreamName.values()) {
            String key = StreamKey.of(id, name).value();
            List<ListedSegment> listed = segments.apply(key);
            if (listed.isEmpty()) {
                continue;
            }
            Map<String, String> query = new LinkedHashMap<>();
            if (name == StreamName.SUB) {
                query.put(SegmentUrls.STREAM_PARAMETER, name.param());
            }
            if (share != null && !share.isEmpty()) {
                query.put(SegmentUrls.SHARE_PARAMETER, share);
            }
            Optional<VideoSize> size = facts.size(key, listed);
            streams.add(new DashStream(
                    name.param(),
                    facts.bandwidth(key, listed).peakBitsPerSecond(),
                    facts.codecs(key, listed),
                    size.map(VideoSize::width).orElse(null),
                    size.map(VideoSize::height).orElse(null),
                    null,
                    listed,
                    DashStream.Uris.relative(query)));
        }
        return streams;
    }

    private long targetMillis() {
        return config.targetDurationSeconds() * 1000L;
    }
}
