package io.vigil.access.user;

import io.vigil.access.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user who may sign in.
 *
 * @param passwordHash bcrypt hash; never leaves the service
 * @param cameras      the camera ids the user may see, or null for every camera
 * @param managedBy    who owns the row: {@code api}, {@code config} or {@code env}
 */
public record User(
        String username,
        String passwordHash,
        Role role,
        Set<String> cameras,
        String managedBy,
        Instant created,
        Instant updated) {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    public User {
        Objects.requireNonNull(username, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid username " + username);
        }
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(managedBy, "managedBy");
        cameras = cameras == null ? null : Set.copyOf(cameras);
    }

    /** Whether the user may see camera {@code cameraId}. */
    public boolean sees(String cameraId) {
        return cameras == null || cameras.contains(cameraId);
    }
}
