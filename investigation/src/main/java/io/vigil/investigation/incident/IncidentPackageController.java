package io.vigil.investigation.incident;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.buffer.ByteBuf;
import io.vigil.kernel.http.PulledBody;
import io.vigil.kernel.http.ResponseThread;
import jakarta.inject.Named;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/incidents/{id}/package.zip}: the incident's package, streamed as it is written. Prepared and read on
 * the blocking pool, each part handed to the response on the connection's event loop ({@link PulledBody}); so not
 * {@code @ExecuteOn} the blocking pool as a whole, for the reason {@code ClipController} gives.
 */
@Controller("/api/incidents/{id}")
public class IncidentPackageController {

    private static final MediaType ZIP = MediaType.of("application/zip");

    private final IncidentPackages packages;
    private final ExecutorService blocking;

    public IncidentPackageController(
            IncidentPackages packages, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.packages = packages;
        this.blocking = blocking;
    }

    @Get("/package.zip")
    public Mono<HttpResponse<Publisher<ByteBuf>>> download(HttpRequest<?> http, String id) {
        Executor writer = ResponseThread.of(http);
        return Mono.<HttpResponse<Publisher<ByteBuf>>>fromCallable(() -> {
                    IncidentPackage incidentPackage = packages.open(http, id);
                    return HttpResponse.<Publisher<ByteBuf>>ok(new PulledBody(incidentPackage, blocking, writer))
                            .contentType(ZIP)
                            .header(HttpHeaders.CACHE_CONTROL, "no-store")
                            .header(
                                    HttpHeaders.CONTENT_DISPOSITION,
                                    "attachment; filename=\"" + PackageFiles.directory(id) + ".zip\"");
                })
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
