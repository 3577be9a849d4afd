package io.vigil.investigation.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened on some cameras, marked on their timelines: at one instant (a point event, {@code end}
 * null) or over {@code [start, end)}. A person's bookmark or another system's event (a door controller's, an alarm
 * panel's), told apart by {@code source}. Deleted events are kept, marked.
 *
 * @param id        random UUID
 * @param cameraIds the cameras it concerns, as given (no repeats)
 * @param start     when it happened, or began
 * @param end       when it ended (exclusive); null for a point event
 * @param label     what it was, short ({@link EventRules#LABEL})
 * @param note      longer words, if any
 * @param source    what reported it (a system's name), if any
 * @param hold      the footage it holds around itself, if any
 * @param createdBy who created it: a user name or {@code token:<name>}
 * @param created   when it was created
 * @param deletedAt when it was deleted; null while it stands
 * @param deletedBy who deleted it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Event(
        String id,
        List<String> cameraIds,
        Instant start,
        @Nullable Instant end,
        String label,
        @Nullable String note,
        @Nullable String source,
        @Nullable EventHold hold,
        String createdBy,
        Instant created,
        @Nullable Instant deletedAt,
        @Nullable String deletedBy) {

    public Event {
        Objects.requireNonNull(id, "id");
        cameraIds = List.copyOf(cameraIds);
        if (cameraIds.isEmpty()) {
            throw new IllegalArgumentException("an event concerns at least one camera");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(created, "created");
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("a ranged event ends after it starts");
        }
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /**
     * What the audit log says of a request that created or deleted it: its first camera (the detail names them all),
     * its range (a point event's instant in the detail), id, label and holds.
     */
    public AuditNote auditNote(String what) {
        String detail = "event " + id + " " + what + ": '" + label + "' on " + String.join(", ", cameraIds)
                + (end == null ? " at " + start : "")
                + (hold == null
                        ? ""
                        : "; holds " + hold.holdIds() + " over [" + hold.start() + ", " + hold.end() + ")");
        return end == null
                ? AuditNote.camera(cameraIds.get(0), detail)
                : AuditNote.footage(cameraIds.get(0), start, end, detail);
    }
}
