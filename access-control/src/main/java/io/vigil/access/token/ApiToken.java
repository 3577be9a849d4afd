package io.vigil.access.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.access.Permission;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API token as listed: never its secret. It acts as {@code token:<name>} (in audit rows, as an event's creator),
 * on its cameras only, with its scopes' permissions only.
 *
 * @param id        random UUID
 * @param name      what the admin called it ({@link TokenRules#NAME})
 * @param cameraIds the cameras it may act on
 * @param scopes    what it may do ({@link TokenScope} ids)
 * @param createdBy the admin who created it
 * @param lastUsed  when a request last came with it (to the minute), or null
 * @param revoked   when it was revoked, or null while usable
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiToken(
        String id,
        String name,
        List<String> cameraIds,
        List<String> scopes,
        String createdBy,
        Instant created,
        @Nullable Instant lastUsed,
        @Nullable Instant revoked,
        @Nullable String revokedBy) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        cameraIds = List.copyOf(cameraIds);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(created, "created");
    }

    /** Who it is in audit rows and records: {@code token:<name>}. */
    public String principal() {
        return "token:" + name;
    }

    public boolean active() {
        return revoked == null;
    }

    /** Whether one of its scopes grants {@code permission}. */
    public boolean may(Permission permission) {
        return scopes.stream()
                .map(TokenScope::parse)
                .anyMatch(s -> s.isPresent() && s.get().permission() == permission);
    }

    /** What the audit log says of its creation or revocation: never its secret. */
    public AuditNote auditNote(String what) {
        return AuditNote.detail("API token " + name + " (" + id + ") " + what + ": cameras "
                + String.join(", ", cameraIds) + "; scopes " + String.join(", ", scopes));
    }
}
