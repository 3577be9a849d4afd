package io.vigil.media.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Authorization value of Basic authentication (RFC 7617): user name and password, base64. */
public final class BasicAuth {

    private BasicAuth() {
    }

    public static String authorization(Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
