package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.SegmentBytes;
import io.vigil.archive.read.SegmentLocation;
import io.vigil.camera.CameraRegistry;
import io.vigil.error.ErrorBody;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import java.util.Optional;

/** The archive's segments and init segments, as live and ranged playlists list them, from the spool or the store. */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlaybackController {

    static final MediaType HLS = MediaType.of("application/vnd.apple.mpegurl");
    private static final MediaType MP4 = MediaType.of("video/mp4");

    private final CameraRegistry cameras;
    private final ArchiveReader archive;
    private final SegmentBytes bytes;
    private final PlaybackConfig config;
    private final SegmentUrls urls;

    public PlaybackController(
            CameraRegistry cameras,
            ArchiveReader archive,
            SegmentBytes bytes,
            PlaybackConfig config,
            SegmentUrls urls) {
        this.urls = urls;
        this.cameras = cameras;
        this.archive = archive;
        this.bytes = bytes;
        this.config = config;
    }

    @Get("/segments/{sequence}.m4s")
    public HttpResponse<?> segment(
            String id,
            long sequence,
            @Nullable @QueryValue String stream,
            @Nullable @Header(HttpHeaders.RANGE) String range,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String key = StreamKey.of(id, StreamName.require("stream", stream)).value();
        SegmentLocation segment = archive.segment(key, sequence)
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "camera " + id + " has no segment " + sequence));
        return serve(segment, range, ifNoneMatch);
    }

    @Get("/init/{name}")
    public HttpResponse<?> init(
            String id,
            String name,
            @Nullable @QueryValue String stream,
            @Nullable @Header(HttpHeaders.RANGE) String range,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String key = StreamKey.of(id, StreamName.require("stream", stream)).value();
        if (!name.matches("[0-9a-f]{32}\\.mp4")) {
            throw new VigilException(ErrorCode.SEGMENT_NOT_FOUND, "no init segment " + name);
        }
        SegmentLocation init = archive.initSegment(key, key + "/init/" + name)
                .orElseThrow(() -> new VigilException(
                        ErrorCode.SEGMENT_NOT_FOUND, "camera " + id + " has no init segment " + name));
        return serve(init, range, ifNoneMatch);
    }

    private HttpResponse<?> serve(SegmentLocation located, String rangeHeader, String ifNoneMatch) {
        String key = located.key();
        long sizeBytes = located.sizeBytes();
        String etag = "\"" + Integer.toHexString(key.hashCode()) + "-" + sizeBytes + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(rangeHeader, sizeBytes);
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + sizeBytes)
                    .body(new ErrorBody(
                            "RANGE_NOT_SATISFIABLE",
                            "range " + rangeHeader + " is outside 0-" + (sizeBytes - 1),
                            java.util.Map.of()));
        }
        long offset = range.map(ByteRange::offset).orElse(0L);
        long length = range.map(ByteRange::length).orElse(sizeBytes);
        StreamedFile file = new StreamedFile(bytes.open(located, offset, length), MP4, 0, length);
        var response = range.isPresent()
                ? HttpResponse.status(HttpStatus.PARTIAL_CONTENT)
                        .header(HttpHeaders.CONTENT_RANGE, range.get().contentRange(sizeBytes))
                : HttpResponse.ok();
        return response.body(file)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.IMMUTABLE)
                .header(HttpHeaders.ETAG, etag);
    }
}
