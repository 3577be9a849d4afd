package io.vigil.retention.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;

/** {@code /api/holds}: auditors place, list and release holds on recordings. */
@Controller("/api/holds")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HoldController {

    private final Holds holds;

    public HoldController(Holds holds) {
        this.holds = holds;
    }

    @Post
    public HttpResponse<Hold> place(@Nullable @Body HoldRequest request) {
        Hold hold = holds.place(request);
        return HttpResponse.created(hold, URI.create("/api/holds/" + hold.id()));
    }

    @Get
    public List<Hold> list(@Nullable @QueryValue String cameraId) {
        return holds.list(cameraId);
    }

    @Get("/{id}")
    public Hold get(String id) {
        return holds.get(id);
    }

    /** Releases the hold: its footage is subject to retention again from the next run. */
    @Delete("/{id}")
    public Hold release(String id) {
        return holds.release(id);
    }
}
