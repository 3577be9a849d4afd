package io.vigil.retention.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.kernel.hook.CameraScope;
import java.net.URI;
import java.util.List;

/** {@code /api/holds}: auditors place, list and release holds on recordings. */
@Controller("/api/holds")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HoldController {

    private final Holds holds;
    private final CameraScope scope;

    public HoldController(Holds holds, CameraScope scope) {
        this.holds = holds;
        this.scope = scope;
    }

    @Post
    public HttpResponse<Hold> place(HttpRequest<?> http, @Nullable @Body HoldRequest request) {
        if (request != null && request.cameraId() != null) {
            scope.require(http, request.cameraId().trim());
        }
        Hold hold = holds.place(request);
        hold.auditNote().publishOn(http);
        return HttpResponse.created(hold, URI.create("/api/holds/" + hold.id()));
    }

    /** Holds on the cameras the caller may see. */
    @Get
    public List<Hold> list(HttpRequest<?> http, @Nullable @QueryValue String cameraId) {
        return holds.list(cameraId).stream()
                .filter(h -> scope.allows(http, h.cameraId()))
                .toList();
    }

    @Get("/{id}")
    public Hold get(HttpRequest<?> http, String id) {
        Hold hold = holds.get(id);
        scope.require(http, hold.cameraId());
        return hold;
    }

    /** Releases the hold: its footage is subject to retention again from the next run. */
    @Delete("/{id}")
    public Hold release(HttpRequest<?> http, String id) {
        scope.require(http, holds.get(id).cameraId());
        Hold released = holds.release(id);
        released.auditNote().publishOn(http);
        return released;
    }
}
