package io.vigil.access.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** What {@code POST /login} and {@code POST /login/refresh} answer: OAuth 2-style bearer and refresh tokens. */
@Serdeable
public record Tokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresInSeconds,
        String username,
        String role) {

    @Override
    public String toString() {
        return "Tokens[username=" + username + ", role=" + role + ", expiresIn=" + expiresInSeconds + "]";
    }
}
