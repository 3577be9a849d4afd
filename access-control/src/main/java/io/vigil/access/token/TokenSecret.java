package io.vigil.access.token;

import io.vigil.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An API token's secret: {@code vgt_} and 32 random bytes in unpadded base64url (43 characters). It is never stored:
 * its SHA-256 is, and finds it (a random secret of 256 bits needs no slow hash). Pure, but for the random source.
 */
public final class TokenSecret {

    public static final String PREFIX = "vgt_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("vgt_[A-Za-z0-9_-]{43}");

    private TokenSecret() {}

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} has a secret's form (checked before hashing what a client sent). */
    public static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The hex SHA-256 the secret is stored and found by. */
    public static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
