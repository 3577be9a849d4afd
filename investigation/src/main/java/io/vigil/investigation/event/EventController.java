package io.vigil.investigation.event;

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
import java.net.URI;

/**
 * {@code /api/events}: events and bookmarks. People (auditors, admins) and API tokens post them, viewers read them;
 * each change tells the audit log the event, its cameras and its holds ({@link Event#auditNote}).
 */
@Controller("/api/events")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EventController {

    private final Events events;

    public EventController(Events events) {
        this.events = events;
    }

    @Post
    public HttpResponse<Event> create(HttpRequest<?> http, @Nullable @Body EventRequest request) {
        Event event = events.create(http, request);
        event.auditNote("created").publishOn(http);
        return HttpResponse.created(event, URI.create("/api/events/" + event.id()));
    }

    /** Events overlapping {@code [start, end)}, newest first, a page at a time ({@code after} = a page's {@code next}). */
    @Get
    public EventPage list(
            HttpRequest<?> http,
            @Nullable @QueryValue String cameraId,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String label,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String after) {
        return events.list(http, EventQuery.parse(cameraId, start, end, label, limit, after));
    }

    @Get("/{id}")
    public Event get(HttpRequest<?> http, String id) {
        return events.get(http, id);
    }

    /** Deletes the event (it is kept, marked, and no longer listed) and releases the holds it placed. */
    @Delete("/{id}")
    public Event delete(HttpRequest<?> http, String id) {
        Event deleted = events.delete(http, id);
        deleted.auditNote("deleted").publishOn(http);
        return deleted;
    }
}
