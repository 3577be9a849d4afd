package io.vigil.media.auth;

/** A camera's user name and password; {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {

    public Credentials {
        if (username.chars().anyMatch(c -> c < 32 || c == 127)
                || password.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw new IllegalArgumentException("control characters in credentials");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
