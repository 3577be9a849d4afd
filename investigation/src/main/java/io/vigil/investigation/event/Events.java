package io.vigil.investigation.event;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.hook.CameraScope;
import io.vigil.kernel.hook.EventPosted;
import io.vigil.kernel.hook.FootageHolds;
import io.vigil.kernel.hook.RequestPrincipal;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Events as the API offers them: created after {@link EventRules}, the caller's camera scope and the cameras'
 * existence agree, holding their footage through {@link FootageHolds} when asked; listed and read within the
 * caller's scope (an event shows only to a caller who may see every one of its cameras); deleted softly, releasing
 * their holds.
 */
@Singleton
public class Events {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final EventRepository repository;
    private final RecordedCameras cameras;
    private final FootageHolds holds;
    private final CameraScope scope;
    private final RequestPrincipal principal;
    private final Clock clock;
    private final ApplicationEventPublisher<EventPosted> posted;

    public Events(
            EventRepository repository,
            RecordedCameras cameras,
            FootageHolds holds,
            CameraScope scope,
            RequestPrincipal principal,
            Clock clock,
            ApplicationEventPublisher<EventPosted> posted) {
        this.posted = posted;
        this.repository = repository;
        this.cameras = cameras;
        this.holds = holds;
        this.scope = scope;
        this.principal = principal;
        this.clock = clock;
    }

    public Event create(HttpRequest<?> http, EventRequest request) {
        NewEvent n = EventRules.check(request);
        n.cameraIds().forEach(camera -> scope.require(http, camera)); // before existence: no probing of others
        n.cameraIds().forEach(cameras::require);
        String by = principal.name(http);
        String id = UUID.randomUUID().toString();
        EventHold hold = null;
        if (n.hold() != null) {
            Map<String, String> placed =
                    holds.place(n.cameraIds(), n.hold().start(), n.hold().end(), "event " + id + ": " + n.label(), by);
            hold = new EventHold(n.hold().start(), n.hold().end(), placed);
        }
        Event event = new Event(
                id,
                n.cameraIds(),
                n.start(),
                n.end(),
                n.label(),
                n.note(),
                n.source(),
                hold,
                by,
                clock.instant(),
                null,
                null);
        try {
            repository.insert(event);
        } catch (RuntimeException e) {
            release(event, by); // no hold without its event
            throw e;
        }
        posted.publishEvent(new EventPosted(
                event.id(), event.label(), event.cameraIds(), event.start(), event.source(), event.createdBy()));
        return event;
    }

    /** A page of the events the query asks for that the caller may see. */
    public EventPage list(HttpRequest<?> http, EventQuery query) {
        List<Event> found = repository.list(query);
        boolean more = found.size() > query.limit();
        List<Event> page = more ? found.subList(0, query.limit()) : found;
        String next = more ? EventCursor.of(page.get(page.size() - 1)).toString() : null;
        return new EventPage(page.stream().filter(e -> visible(http, e)).toList(), next);
    }

    /** The event, deleted or not; 403 unless the caller may see each of its cameras. */
    public Event get(HttpRequest<?> http, String id) {
        Event event = (ID.matcher(id).matches() ? repository.find(id) : java.util.Optional.<Event>empty())
                .orElseThrow(() -> new VigilException(ErrorCode.EVENT_NOT_FOUND, "no such event"));
        event.cameraIds().forEach(camera -> scope.require(http, camera));
        return event;
    }

    /** Deletes the event (kept, marked) and releases its holds; deleting a deleted event changes nothing. */
    public Event delete(HttpRequest<?> http, String id) {
        Event event = get(http, id);
        if (event.deleted()) {
            return event;
        }
        String by = principal.name(http);
        release(event, by);
        repository.markDeleted(id, clock.instant(), by);
        return repository.find(id).orElseThrow();
    }

    private void release(Event event, String by) {
        if (event.hold() != null) {
            event.hold().holdIds().values().forEach(holdId -> holds.release(holdId, by));
        }
    }

    private boolean visible(HttpRequest<?> http, Event event) {
        return event.cameraIds().stream().allMatch(camera -> scope.allows(http, camera));
    }
}
