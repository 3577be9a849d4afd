package io.vigil.media.auth;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Authorization value answering a Digest challenge (RFC 7616, and RFC 2069's form without {@code qop} that many
 * cameras still send): MD5, MD5-sess, SHA-256 and SHA-256-sess, {@code qop=auth} when the server offers it. The
 * client nonce and the nonce count are the caller's, so that answers are reproducible.
 */
public record DigestAuth(String realm, String nonce, String algorithm, boolean qopAuth, String opaque) {

    public DigestAuth {
        if (nonce.isEmpty()) {
            throw new IllegalArgumentException("a Digest challenge without a nonce");
        }
    }

    /** What {@code challenge} asks for; one this class cannot answer is refused ({@link MediaError#AUTH_UNSUPPORTED}). */
    public static DigestAuth of(AuthChallenge challenge) {
        if (!challenge.scheme().equals("digest")) {
            throw new MediaException(MediaError.AUTH_UNSUPPORTED, "not a Digest challenge: " + challenge.scheme());
        }
        String nonce = challenge.parameter("nonce").orElse("");
        if (nonce.isEmpty()) {
            throw new MediaException(MediaError.MALFORMED_HEADER, "a Digest challenge without a nonce");
        }
        String algorithm = challenge.parameter("algorithm").orElse("MD5");
        if (!Arrays.asList("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS").contains(algorithm.toUpperCase(Locale.ROOT))) {
            throw new MediaException(MediaError.AUTH_UNSUPPORTED, "Digest algorithm " + algorithm);
        }
        boolean qopAuth = false;
        if (challenge.parameter("qop").isPresent()) {
            qopAuth = Arrays.stream(challenge.parameter("qop").get().split(","))
                    .anyMatch(q -> q.trim().equalsIgnoreCase("auth"));
            if (!qopAuth) {
                throw new MediaException(
                        MediaError.AUTH_UNSUPPORTED,
                        "Digest qop " + challenge.parameter("qop").get());
            }
        }
        return new DigestAuth(
                challenge.parameter("realm").orElse(""),
                nonce,
                algorithm,
                qopAuth,
                challenge.parameter("opaque").orElse(null));
    }

    /** The Authorization header value for {@code method} on {@code uri}, the {@code nonceCount}-th use of the nonce. */
    public String authorization(
            Credentials credentials, String method, String uri, String clientNonce, int nonceCount) {
        if (nonceCount < 1) {
            throw new IllegalArgumentException("nonce counts start at 1: " + nonceCount);
        }
        String nc = String.format("%08x", nonceCount);
        String ha1 = hash(credentials.username() + ":" + realm + ":" + credentials.password());
        if (algorithm.toUpperCase(Locale.ROOT).endsWith("-SESS")) {
            ha1 = hash(ha1 + ":" + nonce + ":" + clientNonce);
        }
        String ha2 = hash(method + ":" + uri);
        String response = qopAuth
                ? hash(ha1 + ":" + nonce + ":" + nc + ":" + clientNonce + ":auth:" + ha2)
                : hash(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=")
                .append(quote(credentials.username()))
                .append(", realm=")
                .append(quote(realm))
                .append(", nonce=")
                .append(quote(nonce))
                .append(", uri=")
                .append(quote(uri))
                .append(", response=")
                .append(quote(response));
        if (!algorithm.equals("MD5") || qopAuth) {
            header.append(", algorithm=").append(algorithm);
        }
        if (opaque != null) {
            header.append(", opaque=").append(quote(opaque));
        }
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(quote(clientNonce));
        }
        return header.toString();
    }

    private String hash(String text) {
        String name = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
