package io.vigil.kernel.hook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event or bookmark was just posted (the investigation feature publishes it as an application event once it is
 * stored); the alerts listen for it to send event alerts. Published on the poster's request thread: a listener answers
 * quickly and never throws.
 *
 * @param eventId   the event's id
 * @param label     its label, as stored
 * @param cameraIds its cameras
 * @param at        when it happened (or began)
 * @param source    what reported it, or null
 * @param createdBy who posted it: a user name or {@code token:<name>}
 */
public record EventPosted(
        String eventId, String label, List<String> cameraIds, Instant at, String source, String createdBy) {

    public EventPosted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(label, "label");
        cameraIds = List.copyOf(cameraIds);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
