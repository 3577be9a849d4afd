package io.vigil.access.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code share} parameter of a share link: the grant's fields and their HMAC-SHA256, both base64url:
 * {@code base64url("v1.<id>.<camera>.<startMillis>.<endMillis>.<expiresMillis>") + "." + base64url(mac)}.
 * Changing any byte of it, or swapping in another link's fields, breaks the MAC.
 */
public final class ShareToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Function<String, byte[]> mac;

    /** @param mac HMAC of a payload under the share-link key */
    public ShareToken(Function<String, byte[]> mac) {
        this.mac = mac;
    }

    public String sign(ShareGrant g) {
        String payload = "v1." + g.id() + "." + g.cameraId() + "." + g.start().toEpochMilli() + "."
                + g.end().toEpochMilli() + "." + g.expires().toEpochMilli();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac.apply(payload));
    }

    /** The grant a token carries, if its MAC is right; expiry and revocation are the caller's to check. */
    public Optional<ShareGrant> verify(String token) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            byte[] payloadBytes = DECODER.decode(token.substring(0, dot));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            // only the canonical spelling: base64's spare low bits must not give one link many names
            if (!token.equals(ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(given))) {
                return Optional.empty();
            }
            String payload = new String(payloadBytes, StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, mac.apply(payload))) {
                return Optional.empty();
            }
            String[] f = payload.split("\\.", -1);
            if (f.length != 6 || !f[0].equals("v1")) {
                return Optional.empty();
            }
            return Optional.of(new ShareGrant(
                    f[1],
                    f[2],
                    Instant.ofEpochMilli(Long.parseLong(f[3])),
                    Instant.ofEpochMilli(Long.parseLong(f[4])),
                    Instant.ofEpochMilli(Long.parseLong(f[5]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
