package io.vigil.playback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.LiveWindow;
import io.vigil.camera.CameraRegistry;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.hook.RecordingNode;
import io.vigil.live.BlockingReload;
import io.vigil.live.EdgeSnapshot;
import io.vigil.live.LiveEdge;
import io.vigil.live.LiveEdges;
import io.vigil.live.LivePart;
import io.vigil.live.LiveSegment;
import jakarta.inject.Named;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live video. On the node recording the camera, {@code live.m3u8} is the Low-Latency HLS playlist of its live edge
 * ({@link LivePlaylist}), its parts and segments served from memory; a blocking reload ({@code _HLS_msn},
 * {@code _HLS_part}) or a request for the hinted next part waits for the edge without holding a thread. A node that
 * does not record the camera sends the player to the one that does (307); when none does, or with
 * {@code source=archive}, the answer is the plain HLS playlist of the archive's newest segments (any node, presigned
 * where configured).
 */
@Controller("/api/cameras/{id}")
public class LiveController {

    private static final MediaType MP4 = MediaType.of("video/mp4");
    private static final Pattern MEDIA_NAME = Pattern.compile("(\\d{1,18})(?:\\.(\\d{1,4}))?\\.m4s");
    private static final Pattern INIT_NAME = Pattern.compile("(\\d{1,9})\\.mp4");

    private final CameraRegistry cameras;
    private final ArchiveReader archive;
    private final PlaybackConfig config;
    private final SegmentUrls urls;
    private final LiveEdges edges;
    private final RecordingNode recordingNode;
    private final ExecutorService blocking;
    private final Timer partAnswer;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    public LiveController(
            CameraRegistry cameras,
            ArchiveReader archive,
            PlaybackConfig config,
            SegmentUrls urls,
            LiveEdges edges,
            RecordingNode recordingNode,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            MeterRegistry meters) {
        this.cameras = cameras;
        this.archive = archive;
        this.config = config;
        this.urls = urls;
        this.edges = edges;
        this.recordingNode = recordingNode;
        this.blocking = blocking;
        this.partAnswer = Timer.builder("vigil.live.part.answer")
                .description("from a live part's last packet arriving to the part answering a waiting request")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    @Get("/live.m3u8")
    public CompletableFuture<HttpResponse<?>> live(
            HttpRequest<?> request,
            String id,
            @Nullable @QueryValue String source,
            @Nullable @QueryValue("_HLS_msn") Long msn,
            @Nullable @QueryValue("_HLS_part") Integer part,
            @Nullable @QueryValue String stream) {
        String key = StreamKey.of(id, StreamName.require("stream", stream)).value();
        if (source != null && !source.equals("archive")) {
            throw new VigilException(ErrorCode.BAD_REQUEST, "source is archive or absent, not " + source);
        }
        if (part != null && msn == null) {
            throw new VigilException(ErrorCode.BAD_REQUEST, "_HLS_part needs _HLS_msn");
        }
        // an edge with nothing in it (a session starting, or a camera the FFmpeg engine records) is no playlist yet,
        // but a player already on it (a blocking reload) keeps waiting on it
        Optional<LiveEdge> edge = source == null
                ? edges.find(key).filter(e -> msn != null || !e.snapshot().isEmpty())
                : Optional.empty();
        if (edge.isEmpty()) {
            return onBlockingPool(() -> elsewhereOrArchive(request, id, key, source != null));
        }
        LiveEdge live = edge.get();
        live.watched();
        if (msn == null) {
            return CompletableFuture.completedFuture(playlist(live.snapshot()));
        }
        int asked = part == null ? -1 : part;
        return whenThere(live, msn, asked).thenApply(this::playlist);
    }

    @Get("/live/{name}")
    public CompletableFuture<HttpResponse<?>> media(String id, String name, @Nullable @QueryValue String stream) {
        Matcher m = MEDIA_NAME.matcher(name);
        String key = StreamKey.of(id, StreamName.require("stream", stream)).value();
        LiveEdge live = edges.find(key).orElseThrow(() -> notHere(key, name));
        if (!m.matches()) {
            throw new VigilException(ErrorCode.SEGMENT_NOT_FOUND, "no live part or segment " + name);
        }
        long sequence = Long.parseLong(m.group(1));
        int part = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        live.watched();
        return whenThere(live, sequence, part).thenApply(edge -> {
            LiveSegment segment = edge.segment(sequence).orElseThrow(() -> notHere(key, name));
            if (part < 0) {
                return mp4(segment.content());
            }
            if (!segment.hasPart(part)) {
                throw notHere(key, name);
            }
            return mp4(segment.parts().get(part).content());
        });
    }

    @Get("/live/init/{name}")
    public HttpResponse<?> init(String id, String name, @Nullable @QueryValue String stream) {
        Matcher m = INIT_NAME.matcher(name);
        String key = StreamKey.of(id, StreamName.require("stream", stream)).value();
        LiveEdge live = edges.find(key).orElseThrow(() -> notHere(key, "init/" + name));
        byte[] init = m.matches() ? live.snapshot().inits().get(Integer.parseInt(m.group(1))) : null;
        if (init == null) {
            throw notHere(key, "init/" + name);
        }
        return mp4(ByteBuffer.wrap(init));
    }

    /** The edge once it holds {@code (sequence, part)}; 400 when too far ahead, 503 when it does not come in time. */
    private CompletableFuture<EdgeSnapshot> whenThere(LiveEdge live, long sequence, int part) {
        if (BlockingReload.decide(live.snapshot(), sequence, part) == BlockingReload.Decision.TOO_FAR) {
            throw new VigilException(
                    ErrorCode.LIVE_TOO_FAR_AHEAD,
                    "live segment " + sequence + (part >= 0 ? " part " + part : "") + " is too far ahead of segment "
                            + live.snapshot().lastSequence());
        }
        CompletableFuture<EdgeSnapshot> waiting =
                live.await(sequence, part, edges.config().blockingTimeout());
        boolean waited = !waiting.isDone();
        return waiting.handle((edge, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                throw new VigilException(
                        ErrorCode.LIVE_NOT_READY,
                        cause instanceof TimeoutException
                                ? "live segment " + sequence + " part " + part + " did not come within "
                                        + edges.config().blockingTimeout().toMillis() + " ms"
                                : cause.getMessage());
            }
            if (waited) {
                edge.segment(sequence)
                        .filter(s -> part < 0 ? s.complete() : s.hasPart(part))
                        .map(s -> part < 0
                                ? s.parts().get(s.parts().size() - 1)
                                : s.parts().get(part))
                        .ifPresent(this::answered);
            }
            return edge;
        });
    }

    private void answered(LivePart part) {
        partAnswer.record(Math.max(0, System.nanoTime() - part.arrivalNanos()), TimeUnit.NANOSECONDS);
    }

    /** A snapshot's playlist, written once however many waiting requests it answers. */
    private record Rendered(EdgeSnapshot edge, String text) {}

    private HttpResponse<?> playlist(EdgeSnapshot edge) {
        Rendered cached = rendered.get(edge.cameraId());
        String text;
        if (cached != null && cached.edge() == edge) {
            text = cached.text();
        } else {
            boolean sub = StreamKey.parse(edge.cameraId())
                    .filter(k -> k.stream() == StreamName.SUB)
                    .isPresent();
            text = LivePlaylist.of(edge, config.targetDurationSeconds(), sub ? "?stream=sub" : "");
            rendered.put(edge.cameraId(), new Rendered(edge, text));
        }
        return HttpResponse.ok(text)
                .contentType(PlaybackController.HLS)
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.REVALIDATE);
    }

    /** On the blocking pool: the node recording the camera, or the archive's newest segments. */
    private HttpResponse<?> elsewhereOrArchive(HttpRequest<?> request, String id, String key, boolean archiveAsked) {
        cameras.get(id);
        if (!archiveAsked) {
            Optional<String> node = recordingNode.elsewhere(id);
            if (node.isPresent()) {
                String query = request.getUri().getRawQuery();
                return HttpResponse.status(HttpStatus.TEMPORARY_REDIRECT)
                        .header(HttpHeaders.CACHE_CONTROL, FootageCaching.NO_STORE)
                        .headers(h -> h.location(URI.create(stripSlash(node.get())
                                + request.getUri().getRawPath()
                                + (query == null ? "" : "?" + query))));
            }
        }
        LiveWindow window = archive.live(key, config.liveWindowSegments());
        String body = MediaPlaylist.live(
                window.listing().segments(),
                window.discontinuitySequence(),
                config.targetDurationSeconds(),
                config.gapTolerance().toMillis(),
                urls.forLive(window.listing(), request));
        return HttpResponse.ok(body)
                .contentType(PlaybackController.HLS)
                .header(HttpHeaders.CACHE_CONTROL, FootageCaching.REVALIDATE);
    }

    private CompletableFuture<HttpResponse<?>> onBlockingPool(Supplier<HttpResponse<?>> answer) {
        return CompletableFuture.supplyAsync(answer, blocking);
    }

    private static HttpResponse<?> mp4(ByteBuffer content) {
        byte[] body;
        if (content.hasArray() && content.arrayOffset() == 0 && content.remaining() == content.array().length) {
            body = content.array();
        } else {
            body = new byte[content.remaining()];
            content.get(body);
        }
        return HttpResponse.ok(body).contentType(MP4).header(HttpHeaders.CACHE_CONTROL, FootageCaching.LIVE_PART);
    }

    private static VigilException notHere(String id, String name) {
        return new VigilException(
                ErrorCode.SEGMENT_NOT_FOUND, "camera " + id + " has no live " + name + " on this node (any more)");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
