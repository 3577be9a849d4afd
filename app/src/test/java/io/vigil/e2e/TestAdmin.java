package io.vigil.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The bootstrap admin of every test and bench service, and HTTP Basic headers for it and other users. */
public final class TestAdmin {

    public static final String USERNAME = "admin";
    public static final String PASSWORD = "e2e-Admin-pass-1";

    private TestAdmin() {}

    /** {@code Authorization} header value for the admin. */
    public static String basic() {
        return basic(USERNAME, PASSWORD);
    }

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
