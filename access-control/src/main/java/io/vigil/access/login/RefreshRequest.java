package io.vigil.access.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /login/refresh} and {@code POST /logout}. */
@Serdeable
public record RefreshRequest(
        @Nullable @JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[...]";
    }
}
