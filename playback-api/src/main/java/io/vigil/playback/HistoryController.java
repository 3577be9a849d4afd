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
import io.vigil.archive.index.RecordingSpan;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.Listing;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import io.vigil.playback.clip.ClipExporter;
import io.vigil.playback.clip.ExportSigner;
import io.vigil.playback.snapshot.SnapshotMaker;
import io.vigil.playback.snapshot.SnapshotWidth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Recorded history of a camera: time-ranged HLS playlists ({@code VOD}, or {@code EVENT} following into
 * live when no end is given), the timeline of spans and gaps (both from the index alone), clip manifests and
 * snapshots. The clip itself is {@link ClipController}'s.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryController {

    private final RecordedCameras cameras;
    private final ArchiveReader archive;
    private final PlaybackConfig config;
    private final Clock clock;
    private final ClipExporter clips;
    private final SnapshotMaker snapshots;
    private final SegmentUrls urls;
    private final ExportSigner signer;

    public HistoryController(
            RecordedCameras cameras,
            ArchiveReader archive,
            PlaybackConfig config,
            Clock clock,
            ClipExporter clips,
            SnapshotMaker snapshots,
            SegmentUrls urls,
            ExportSigner signer) {
        this.signer = signer;
        this.urls = urls;
        this.clips = clips;
        this.snapshots = snapshots;
        this.cameras = cameras;
        this.archive = archive;
        this.config = config;
        this.clock = clock;
    }

    @Get("/playlist.m3u8")
    public HttpResponse<String> playlist(
            HttpRequest<?> request,
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        String key = cameras.requireStream(id, stream);
        boolean complete = end != null;
        TimeRange range = complete
                ? TimeRange.parse(start, end)
                : new TimeRange(
                        TimeRange.instant("start", start), clock.instant().plus(config.gapTolerance()));
        requireWithinLimit(range, config);
        Listing listing = archive.range(key, range, !complete);
        String body = MediaPlaylist.range(
                listing.segments(),
                complete,
                config.targetDurationSeconds(),
                config.gapTolerance().toMillis(),
                urls.forRange(listing, request));
        return HttpResponse.ok(body)
                .contentType(PlaybackController.HLS)
                .header(
                        HttpHeaders.CACHE_CONTROL,
                        complete && range.end().isBefore(clock.instant())
                                ? FootageCaching.PAST_PLAYLIST
                                : FootageCaching.REVALIDATE);
    }

    @Get("/timeline")
    public Timeline timeline(
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        String key = cameras.requireStream(id, stream);
        TimeRange range = TimeRange.parse(start, end);
        requireWithinLimit(range, config);
        SpanAssembler spans = new SpanAssembler(
                range.start(), range.end(), config.gapTolerance().toMillis());
        for (RecordingSpan s : archive.spans(key, range)) {
            spans.add(s.sessionId(), s.startMillis(), s.endMillis());
        }
        return new Timeline(id, range.start(), range.end(), spans.spans(), spans.gaps());
    }

    /**
     * The signed manifest of the clip for the same range: the JSON bytes, their Ed25519 signature (base64) in
     * {@code X-Vigil-Signature}; the key to check it with is at {@code /api/keys/export-signing}.
     */
    @Get("/clip.manifest")
    public HttpResponse<byte[]> clipManifest(
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        String key = cameras.requireStream(id, stream);
        byte[] manifest = clips.manifest(key, TimeRange.parse(start, end)).json();
        return HttpResponse.ok(manifest)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.NO_STORE)
                .header("X-Vigil-Signature", java.util.Base64.getEncoder().encodeToString(signer.sign(manifest)))
                .header("X-Vigil-Signing-Key", "/api/keys/export-signing")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-clip-manifest.json\"");
    }

    @Get("/snapshot.jpg")
    public HttpResponse<byte[]> snapshot(
            String id,
            @Nullable @QueryValue String at,
            @Nullable @QueryValue String stream,
            @Nullable @QueryValue String width) {
        String key = cameras.requireStream(id, stream);
        Instant instant = TimeRange.optionalInstant("at", at);
        SnapshotWidth scaled = SnapshotWidth.parse(width);
        return HttpResponse.ok(snapshots.jpeg(key, instant, scaled))
                .contentType(MediaType.IMAGE_JPEG_TYPE)
                .header(
                        HttpHeaders.CACHE_CONTROL,
                        instant == null ? FootageCaching.REVALIDATE : FootageCaching.PAST_SNAPSHOT);
    }

    static void requireWithinLimit(TimeRange range, PlaybackConfig config) {
        Duration length = Duration.between(range.start(), range.end());
        if (length.compareTo(config.maxPlaylistRange()) > 0) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE,
                    "range of " + length.toHours() + " h is longer than the "
                            + config.maxPlaylistRange().toDays() + "-day maximum (vigil.playback.max-playlist-range)");
        }
    }
}
