package io.vigil.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook's body, as Stripe and GitHub sign theirs: the header
 * {@code Vigil-Signature: t={timestamp},v1={signature}}, where {@code timestamp} is the sending time in epoch seconds
 * and {@code signature} the lower-case hex HMAC-SHA256, keyed with the webhook secret's UTF-8 bytes, of
 * {@code {timestamp}.{body}} (the timestamp's digits, a dot, the body's bytes as sent). A receiver recomputes it,
 * compares in constant time, and refuses a timestamp too far from its own clock (a replay); {@link #verify} is that
 * check. A later version may send several {@code v1=} (a secret being rotated): any one matching is enough.
 */
public final class WebhookSignature {

    /** The header's name. */
    public static final String HEADER = "Vigil-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final WebhookSecret secret;

    public WebhookSignature(WebhookSecret secret) {
        this.secret = secret;
    }

    /** The header's value for {@code body} sent at {@code timestampSeconds}. */
    public String header(long timestampSeconds, byte[] body) {
        return "t=" + timestampSeconds + ",v1=" + hex(secret.keyBytes(), timestampSeconds, body);
    }

    /**
     * The receiver's check: whether {@code header} signs {@code body} with {@code secret}, at a time at most
     * {@code toleranceSeconds} from {@code nowSeconds}.
     */
    public static boolean verify(String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (header == null || header.length() > 1_000) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                return false;
            }
            if (kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected =
                hex(secret.getBytes(StandardCharsets.UTF_8), timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String signature : signatures) {
            match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static String hex(byte[] key, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
