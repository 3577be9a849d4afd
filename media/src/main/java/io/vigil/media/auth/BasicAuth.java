package io.vigil.media.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Authorization value of Basic authentication (RFC 7617): user name and password, base64. */
public final class BasicAuth {

    private BasicAuth() {}

    /** Refuses a user name with {@code :}, which Basic cannot carry (Digest can). */
    public static String authorization(Credentials credentials) {
        if (credentials.username().indexOf(':') >= 0) {
            throw new IllegalArgumentException("a user name with ':' cannot be sent with Basic authentication");
        }
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
