package io.vigil.access.user;

import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password or its hash. {@code cameras} is null for every camera. */
@Serdeable
public record UserView(
        String username, String role, List<String> cameras, String managedBy, Instant created, Instant updated) {

    public static UserView of(User u) {
        return new UserView(
                u.username(),
                u.role().id(),
                u.cameras() == null ? null : u.cameras().stream().sorted().toList(),
                u.managedBy(),
                u.created(),
                u.updated());
    }

    /** What the audit log says of a request that created or changed the user: name, role and allowed cameras. */
    public AuditNote auditNote() {
        return AuditNote.detail("user " + username + " role " + role + (cameras == null ? "" : " cameras " + cameras));
    }
}
