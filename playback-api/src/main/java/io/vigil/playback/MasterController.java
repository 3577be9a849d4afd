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
import io.vigil.archive.index.Segment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraRegistry;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.live.LiveEdges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code master.m3u8}: the HLS multivariant playlist of a camera's streams ({@link MasterPlaylist}), live, or with
 * {@code start} (and {@code end}) a time range: one variant per stream with footage, its bit rates measured from its
 * stored segments (the last minute for live, the range's first {@value #MEASURED_SEGMENTS} segments for a range), its
 * codecs from its init segment, and, live, its resolution and frame rate as its recorder measures them. The variants'
 * URIs are the streams' own playlists ({@code live.m3u8?stream=sub}, {@code playlist.m3u8?...&stream=sub}), which a
 * player aligns by their program date times.
 */
@Controller("/api/cameras/{id}")
public class MasterController {

    static final int MEASURED_SEGMENTS = 300;
    private static final Duration LIVE_MEASURE = Duration.ofMinutes(1);

    private final RecordedCameras recorded;
    private final CameraRegistry cameras;
    private final ArchiveReader archive;
    private final CameraStatusBoard statuses;
    private final LiveEdges edges;
    private final Clock clock;

    public MasterController(
            RecordedCameras recorded,
            CameraRegistry cameras,
            ArchiveReader archive,
            CameraStatusBoard statuses,
            LiveEdges edges,
            Clock clock) {
        this.recorded = recorded;
        this.cameras = cameras;
        this.archive = archive;
        this.statuses = statuses;
        this.edges = edges;
        this.clock = clock;
    }

    @Get("/master.m3u8")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> master(
            HttpRequest<?> request, String id, @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        recorded.require(id);
        Instant now = clock.instant();
        boolean live = start == null && end == null;
        TimeRange range = live
                ? new TimeRange(now.minus(LIVE_MEASURE), now)
                : end == null ? new TimeRange(TimeRange.instant("start", start), now) : TimeRange.parse(start, end);
        Optional<Camera> camera =
                cameras.list().stream().filter(c -> c.id().equals(id)).findFirst();
        String share = SegmentUrls.shareParameter(request);
        List<MasterPlaylist.Variant> variants = new ArrayList<>();
        boolean lowLatency = false;
        for (StreamName stream : StreamName.values()) {
            String key = StreamKey.of(id, stream).value();
            List<Segment> measured = measured(key, range);
            Optional<String> codecs = codecs(key, measured);
            if (codecs.isEmpty()) {
                continue;
            }
            String uri =
                    (live ? "live.m3u8" : "playlist.m3u8?start=" + range.start() + (end == null ? "" : "&end=" + end))
                            + (stream == StreamName.SUB ? (live ? "?" : "&") + "stream=sub" : "");
            uri += share.isEmpty() ? "" : (uri.contains("?") ? "&" : "?") + share;
            Integer width = null;
            Integer height = null;
            Double fps = null;
            if (live && camera.isPresent() && camera.get().has(stream)) {
                CameraStatus status = statuses.get(camera.get(), stream);
                int[] size = resolution(status.resolution());
                if (size != null) {
                    width = size[0];
                    height = size[1];
                }
                fps = status.framesPerSecond();
                lowLatency |= edges.find(key).isPresent();
            }
            variants.add(MasterPlaylist.Variant.of(
                    stream.param(),
                    uri,
                    Bandwidth.measure(measured.stream()
                            .map(s -> new SizedSegment(s.durationMillis(), s.sizeBytes()))
                            .toList()),
                    codecs.get(),
                    width,
                    height,
                    fps));
        }
        if (variants.isEmpty()) {
            throw new VigilException(
                    ErrorCode.NO_RECORDINGS,
                    "camera " + id + " has no stored footage "
                            + (live ? "from the last minute" : "in " + range.start() + " .. " + range.end()));
        }
        return HttpResponse.ok(MasterPlaylist.of(variants, live && lowLatency, true))
                .contentType(PlaybackController.HLS)
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.REVALIDATE);
    }

    private List<Segment> measured(String key, TimeRange range) {
        List<Segment> segments = archive.clip(key, range);
        return segments.size() > MEASURED_SEGMENTS ? segments.subList(0, MEASURED_SEGMENTS) : segments;
    }

    /** The codecs of the newest measured segment whose init segment's are known (indexed or spooled). */
    private Optional<String> codecs(String key, List<Segment> segments) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            Optional<String> codecs = archive.initCodecs(key, segments.get(i).initKey());
            if (codecs.isPresent()) {
                return codecs;
            }
        }
        return Optional.empty();
    }

    /** {@code 640x360} as {640, 360}; null when unknown or malformed. */
    static int[] resolution(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,4}x[1-9][0-9]{0,4}")) {
            return null;
        }
        String[] parts = text.split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
