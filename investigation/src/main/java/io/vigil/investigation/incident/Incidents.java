package io.vigil.investigation.incident;

import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.investigation.event.Event;
import io.vigil.investigation.event.EventQuery;
import io.vigil.investigation.event.EventRepository;
import io.vigil.kernel.hook.CameraScope;
import io.vigil.kernel.hook.FootageHolds;
import io.vigil.kernel.hook.RequestPrincipal;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Incidents as the API offers them: opened after {@link IncidentRules}, the caller's camera scope and the cameras'
 * existence agree, holding their footage through {@link FootageHolds}; read within the caller's scope (an incident
 * shows only to a caller who may see every one of its cameras) with the events on its cameras in its range; closed,
 * releasing their holds.
 */
@Singleton
public class Incidents {

    /** The most events an incident lists per camera (newest first); its package says when there were more. */
    public static final int MAX_EVENTS_PER_CAMERA = EventQuery.MAX_LIMIT;

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final int MAX_LISTED = 500;

    private final IncidentRepository repository;
    private final EventRepository events;
    private final RecordedCameras cameras;
    private final FootageHolds holds;
    private final CameraScope scope;
    private final RequestPrincipal principal;
    private final Clock clock;

    public Incidents(
            IncidentRepository repository,
            EventRepository events,
            RecordedCameras cameras,
            FootageHolds holds,
            CameraScope scope,
            RequestPrincipal principal,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.cameras = cameras;
        this.holds = holds;
        this.scope = scope;
        this.principal = principal;
        this.clock = clock;
    }

    /** An incident and the events on its cameras in its range, oldest first. */
    @Serdeable
    public record Detail(Incident incident, List<Event> events) {}

    public Incident open(HttpRequest<?> http, IncidentRequest request) {
        NewIncident n = IncidentRules.check(request);
        n.cameraIds().forEach(camera -> scope.require(http, camera)); // before existence: no probing of others
        n.cameraIds().forEach(cameras::require);
        String by = principal.name(http);
        String id = UUID.randomUUID().toString();
        Map<String, String> held =
                holds.place(n.cameraIds(), n.range().start(), n.range().end(), "incident " + id + ": " + n.title(), by);
        Incident incident = new Incident(
                id,
                n.title(),
                n.cameraIds(),
                n.range().start(),
                n.range().end(),
                n.reason(),
                held,
                Incident.Status.OPEN,
                by,
                clock.instant(),
                null,
                null,
                null);
        try {
            repository.insert(incident);
        } catch (RuntimeException e) {
            held.values().forEach(hold -> holds.release(hold, by)); // no hold without its incident
            throw e;
        }
        return incident;
    }

    /** The incidents the caller may see, newest first; open ones only unless {@code closedToo}. */
    public List<Incident> list(HttpRequest<?> http, boolean closedToo) {
        return repository.list(closedToo, MAX_LISTED).stream()
                .filter(i -> i.cameraIds().stream().allMatch(camera -> scope.allows(http, camera)))
                .toList();
    }

    /** The incident with its events; 404 for none, 403 unless the caller may see each of its cameras. */
    public Detail get(HttpRequest<?> http, String id) {
        Incident incident = find(http, id);
        return new Detail(incident, eventsOf(http, incident));
    }

    /** Closes the incident and releases its holds; closing a closed incident changes nothing. */
    public Incident close(HttpRequest<?> http, String id, CloseRequest request) {
        Incident incident = find(http, id);
        if (incident.status() == Incident.Status.CLOSED) {
            return incident;
        }
        String note =
                request == null || request.note() == null || request.note().isBlank()
                        ? null
                        : request.note().trim();
        if (note != null && note.length() > IncidentRules.MAX_REASON_LENGTH) {
            throw VigilException.invalid(
                    Map.of("note", "must be at most " + IncidentRules.MAX_REASON_LENGTH + " characters"));
        }
        String by = principal.name(http);
        incident.holdIds().values().forEach(hold -> holds.release(hold, by));
        repository.markClosed(id, clock.instant(), by, note);
        return repository.find(id).orElseThrow();
    }

    private Incident find(HttpRequest<?> http, String id) {
        Incident incident = (ID.matcher(id).matches() ? repository.find(id) : Optional.<Incident>empty())
                .orElseThrow(() -> new VigilException(ErrorCode.INCIDENT_NOT_FOUND, "no such incident"));
        incident.cameraIds().forEach(camera -> scope.require(http, camera));
        return incident;
    }

    /** The standing events on any of the incident's cameras overlapping its range, that the caller may see. */
    private List<Event> eventsOf(HttpRequest<?> http, Incident incident) {
        Map<String, Event> found = new LinkedHashMap<>();
        for (String camera : incident.cameraIds()) {
            events
                    .list(new EventQuery(camera, incident.start(), incident.end(), null, null, MAX_EVENTS_PER_CAMERA))
                    .stream()
                    .limit(MAX_EVENTS_PER_CAMERA)
                    .filter(e -> e.cameraIds().stream().allMatch(c -> scope.allows(http, c)))
                    .forEach(e -> found.putIfAbsent(e.id(), e));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(Event::start).thenComparing(Event::id))
                .toList();
    }
}
