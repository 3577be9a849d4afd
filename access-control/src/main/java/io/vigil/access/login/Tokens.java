package io.vigil.access.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What {@code POST /login} and {@code POST /login/refresh} answer: OAuth 2-style bearer and refresh tokens, the user's
 * name and role, and what that role may ({@code permissions}: {@code Role#permissionIds()}, e.g. {@code history},
 * {@code cameras-write}), by which the console shows only the pages and players the user can use.
 */
@Serdeable
public record Tokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresInSeconds,
        String username,
        String role,
        List<String> permissions) {

    @Override
    public String toString() {
        return "Tokens[username=" + username + ", role=" + role + ", expiresIn=" + expiresInSeconds + "]";
    }
}
