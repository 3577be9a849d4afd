package io.vigil.access.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ShareTokenTest {

    private static final ShareGrant GRANT = new ShareGrant(
            "9b2f",
            "lobby",
            Instant.parse("2026-12-01T10:02:00Z"),
            Instant.parse("2026-12-01T10:17:00Z"),
            Instant.parse("2026-12-02T10:00:00Z"));

    private final ShareToken tokens = new ShareToken(payload -> hmac("key-one", payload));

    @Test
    void signedGrantsComeBackWhole() {
        assertEquals(GRANT, tokens.verify(tokens.sign(GRANT)).orElseThrow());
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String token = tokens.sign(GRANT);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertTrue(tokens.verify(changed).isEmpty(), "changed at " + i);
        }
    }

    @Test
    void anotherCameraOrRangeWithTheOldMacIsRefused() {
        String token = tokens.sign(GRANT);
        String mac = token.substring(token.indexOf('.') + 1);
        String otherPayload = "v1.9b2f.yard." + GRANT.start().toEpochMilli() + "."
                + GRANT.end().toEpochMilli() + "." + GRANT.expires().toEpochMilli();
        String forged =
                Base64.getUrlEncoder().withoutPadding().encodeToString(otherPayload.getBytes(StandardCharsets.UTF_8))
                        + "." + mac;
        assertTrue(tokens.verify(forged).isEmpty());
        String later = GRANT.expires().plusSeconds(86400).toEpochMilli() + "";
        String extended = "v1.9b2f.lobby." + GRANT.start().toEpochMilli() + "."
                + GRANT.end().toEpochMilli() + "." + later;
        assertTrue(
                tokens.verify(Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(extended.getBytes(StandardCharsets.UTF_8))
                                + "." + mac)
                        .isEmpty(),
                "a longer expiry");
    }

    @Test
    void anotherServersKeyAndGarbageAreRefused() {
        ShareToken other = new ShareToken(payload -> hmac("key-two", payload));
        assertTrue(other.verify(tokens.sign(GRANT)).isEmpty());
        for (String junk : new String[] {"", ".", "abc", "a.b.c", "!!!.???", "x".repeat(700)}) {
            assertTrue(tokens.verify(junk).isEmpty(), junk);
        }
    }

    private static byte[] hmac(String key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
