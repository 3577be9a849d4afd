package io.vigil.access.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST /api/users}: {@code cameras} null (or absent) means every camera. A {@code PUT} is read as a
 * {@link UserChange}, which keeps what it leaves out.
 */
@Serdeable
public record UserRequest(
        @Nullable String username,
        @Nullable String password,
        @Nullable String role,
        @Nullable List<String> cameras) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", role=" + role + ", cameras=" + cameras + "]";
    }
}
