package io.vigil.investigation.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.error.VigilException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/incidents}: auditors and admins open an incident over some cameras and a range (its footage held),
 * read it with its events, and close it (its holds released); each change tells the audit log the incident, its
 * cameras, its range and its holds ({@link Incident#auditNote}).
 */
@Controller("/api/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentController {

    private final Incidents incidents;

    public IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @Post
    public HttpResponse<Incident> open(HttpRequest<?> http, @Nullable @Body IncidentRequest request) {
        Incident incident = incidents.open(http, request);
        incident.auditNote("opened").publishOn(http);
        return HttpResponse.created(incident, URI.create("/api/incidents/" + incident.id()));
    }

    /** Open incidents, newest first; {@code status=all} includes the closed ones. */
    @Get
    public List<Incident> list(HttpRequest<?> http, @Nullable @QueryValue String status) {
        if (status != null && !status.equals("open") && !status.equals("all")) {
            throw VigilException.invalid(Map.of("status", "must be open (the default) or all"));
        }
        return incidents.list(http, "all".equals(status));
    }

    @Get("/{id}")
    public Incidents.Detail get(HttpRequest<?> http, String id) {
        return incidents.get(http, id);
    }

    @Post("/{id}/close")
    public Incident close(HttpRequest<?> http, String id, @Nullable @Body CloseRequest request) {
        Incident closed = incidents.close(http, id, request);
        closed.auditNote("closed").publishOn(http);
        return closed;
    }
}
