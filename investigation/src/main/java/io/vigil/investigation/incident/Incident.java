package io.vigil.investigation.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An investigation of what happened on some cameras over {@code [start, end)}: opened by an auditor or admin with a
 * reason, it holds that footage on every one of its cameras until it is closed.
 *
 * @param id        random UUID
 * @param title     what it is about, one line
 * @param cameraIds its cameras, as given (no repeats)
 * @param start     where its range begins
 * @param end       where it ends (exclusive)
 * @param reason    why it was opened (a case number, a complaint)
 * @param holdIds   the hold it placed on each camera's footage, camera id to hold id
 * @param status    OPEN until closed
 * @param openedBy  who opened it (a user name)
 * @param openedAt  when
 * @param closedBy  who closed it; null while open
 * @param closedAt  when; null while open
 * @param closeNote why, if said
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Incident(
        String id,
        String title,
        List<String> cameraIds,
        Instant start,
        Instant end,
        String reason,
        Map<String, String> holdIds,
        Status status,
        String openedBy,
        Instant openedAt,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        @Nullable String closeNote) {

    /** Whether the incident still holds its footage. */
    public enum Status {
        OPEN,
        CLOSED
    }

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        cameraIds = List.copyOf(cameraIds);
        if (cameraIds.isEmpty()) {
            throw new IllegalArgumentException("an incident concerns at least one camera");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an incident's range ends after it starts");
        }
        Objects.requireNonNull(reason, "reason");
        holdIds = Map.copyOf(holdIds);
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        if ((status == Status.CLOSED) != (closedAt != null) || (closedAt == null) != (closedBy == null)) {
            throw new IllegalArgumentException("a closed incident, and only one, says who closed it and when");
        }
    }

    /** What the audit log says of a request about it: its first camera and its range, the rest in the detail. */
    public AuditNote auditNote(String what) {
        return AuditNote.footage(
                cameraIds.get(0),
                start,
                end,
                "incident " + id + " " + what + ": '" + title + "' on " + String.join(", ", cameraIds) + "; holds "
                        + holdIds);
    }
}
