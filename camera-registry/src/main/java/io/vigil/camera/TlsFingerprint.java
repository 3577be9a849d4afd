package io.vigil.camera;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a camera's TLS certificate (of its DER encoding), as {@code openssl x509 -noout
 * -fingerprint -sha256} prints it: 32 bytes in upper-case hex pairs joined by colons. An installer pins a camera
 * to one certificate with it. Pure.
 *
 * @param value 64 upper-case hex digits in colon-separated pairs
 */
public record TlsFingerprint(String value) {

    private static final Pattern CANONICAL = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){31}");
    private static final Pattern SEPARATORS = Pattern.compile("[:\\s]");

    public TlsFingerprint {
        Objects.requireNonNull(value, "value");
        if (!CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical SHA-256 fingerprint");
        }
    }

    /**
     * Reads a fingerprint as an installer writes it: 64 hex digits, in either case, with or without colons or
     * spaces between the pairs, optionally after {@code sha256:} or openssl's {@code SHA256 Fingerprint=}.
     *
     * @throws IllegalArgumentException with a message that completes "tlsFingerprint ..."
     */
    public static TlsFingerprint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sha256 fingerprint=")) {
            t = t.substring("sha256 fingerprint=".length());
        } else if (lower.startsWith("sha256:")) {
            t = t.substring("sha256:".length());
        }
        String hex = SEPARATORS.matcher(t).replaceAll("");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("must be the certificate's SHA-256 fingerprint: 64 hex digits, "
                    + "colons allowed (openssl x509 -noout -fingerprint -sha256)");
        }
        return of(HexFormat.of().parseHex(hex));
    }

    /** The fingerprint of a certificate's DER encoding. */
    public static TlsFingerprint ofCertificate(byte[] der) {
        try {
            return of(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static TlsFingerprint of(byte[] digest) {
        return new TlsFingerprint(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
    }

    @Override
    public String toString() {
        return value;
    }
}
