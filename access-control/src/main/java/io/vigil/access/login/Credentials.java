package io.vigil.access.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /login}. */
@Serdeable
public record Credentials(
        @Nullable String username, @Nullable String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
