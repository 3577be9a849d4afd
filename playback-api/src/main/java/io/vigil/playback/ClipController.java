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
import io.netty.buffer.ByteBuf;
import io.vigil.camera.RecordedCameras;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.http.ResponseThread;
import io.vigil.playback.clip.ClipExporter;
import jakarta.inject.Named;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/cameras/{id}/clip.mp4}: one MP4 file of a range, streamed as it is assembled. The export is prepared
 * (index, init segment) on the blocking pool and its parts are read there, but each part is handed to the response on
 * the connection's event loop, where a client that went away is seen ({@link io.vigil.playback.clip.ClipStream#parts}).
 * So this controller is not {@code @ExecuteOn} the blocking pool as a whole: Micronaut would then pass every part of
 * the body through that pool again ({@code publishOn}) and a part in flight when the client leaves would reach a
 * response already dropped ({@code IllegalStateException: onNext before request?}, the part never released).
 */
@Controller("/api/cameras/{id}")
public class ClipController {

    private static final MediaType MP4 = MediaType.of("video/mp4");

    private final RecordedCameras cameras;
    private final ClipExporter clips;
    private final ExecutorService blocking;

    public ClipController(
            RecordedCameras cameras, ClipExporter clips, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.cameras = cameras;
        this.clips = clips;
        this.blocking = blocking;
    }

    @Get("/clip.mp4")
    public Mono<HttpResponse<Publisher<ByteBuf>>> clip(
            HttpRequest<?> request,
            String id,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        Executor writer = ResponseThread.of(request);
        return Mono.<HttpResponse<Publisher<ByteBuf>>>fromCallable(() -> {
                    String key = cameras.requireStream(id, stream);
                    TimeRange range = TimeRange.parse(start, end);
                    ClipExporter.Clip clip = clips.export(key, range);
                    return HttpResponse.<Publisher<ByteBuf>>ok(clip.content().parts(blocking, writer))
                            .contentType(MP4)
                            .header(HttpHeaders.CACHE_CONTROL, FootageCaching.NO_STORE)
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + clip.fileName() + "\"")
                            .header(
                                    "X-Vigil-Gaps",
                                    clip.gaps().stream()
                                            .map(g -> g.start() + "/" + g.end())
                                            .collect(Collectors.joining(",")))
                            .header(
                                    "X-Vigil-Segments",
                                    Integer.toString(clip.segments().size()))
                            .header(
                                    "X-Vigil-Manifest",
                                    "/api/cameras/" + id + "/clip.manifest?start=" + range.start() + "&end="
                                            + range.end() + (key.equals(id) ? "" : "&stream=sub"));
                })
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
