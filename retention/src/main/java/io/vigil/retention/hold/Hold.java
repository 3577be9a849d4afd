package io.vigil.retention.hold;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import io.vigil.retention.plan.HeldRange;
import java.time.Instant;
import java.util.Objects;

/**
 * An auditor's protection of a camera's recordings over {@code [start, end)} from deletion by age or quota.
 *
 * @param id       random UUID
 * @param cameraId camera whose recordings are held
 * @param start    held from (inclusive)
 * @param end      held until (exclusive)
 * @param reason   why, as the auditor gave it
 * @param created  when it was placed
 * @param released when it was released; null while active
 * @param stream   the one stream of the camera it keeps ({@code main} or {@code sub}), or null for all of them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Hold(
        String id,
        String cameraId,
        Instant start,
        Instant end,
        String reason,
        Instant created,
        @Nullable Instant released,
        @Nullable String stream) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(created, "created");
        if (stream != null && !stream.equals("main") && !stream.equals("sub")) {
            throw new IllegalArgumentException("a hold's stream is main, sub or null, was " + stream);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("hold must end after it starts");
        }
    }

    public boolean active() {
        return released == null;
    }

    /** The range it keeps, for retention planning. */
    public HeldRange range() {
        return new HeldRange(cameraId, start.toEpochMilli(), end.toEpochMilli());
    }

    /**
     * What it keeps in the archive: its range in every stream of its camera (or the one it is limited to), one held
     * range per stream key.
     */
    public java.util.List<HeldRange> ranges() {
        return java.util.Arrays.stream(io.vigil.kernel.StreamName.values())
                .filter(s -> stream == null || s.param().equals(stream))
                .map(s -> new HeldRange(
                        io.vigil.kernel.StreamKey.of(cameraId, s).value(), start.toEpochMilli(), end.toEpochMilli()))
                .toList();
    }

    /** What the audit log says of a request that placed or released it: its camera, range, id and reason. */
    public AuditNote auditNote() {
        return AuditNote.footage(
                cameraId,
                start,
                end,
                "hold " + id + (stream == null ? "" : " (" + stream + " stream only)") + ": " + reason);
    }
}
