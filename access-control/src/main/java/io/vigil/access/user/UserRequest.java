package io.vigil.access.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Body of {@code POST /api/users} and {@code PUT /api/users/{username}}. On PUT, a missing password keeps the
 * current one; {@code cameras} null (or absent) means every camera.
 */
@Serdeable
public record UserRequest(@Nullable String username, @Nullable String password, @Nullable String role,
                          @Nullable List<String> cameras) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", role=" + role + ", cameras=" + cameras + "]";
    }
}
