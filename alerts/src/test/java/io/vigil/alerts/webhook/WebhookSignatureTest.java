package io.vigil.alerts.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The webhook signature: a known vector computed with openssl, and the receiver's check. */
class WebhookSignatureTest {

    static final String SECRET = "whsec_test-secret";
    static final long T = 1_765_108_800L;
    static final byte[] BODY = "{\"id\":\"a1\"}".getBytes(UTF_8);

    final WebhookSignature signature = new WebhookSignature(WebhookSecret.of(SECRET));

    @Test
    void theHeaderIsTheTimestampAndTheHmacSha256OfTimestampDotBody() {
        // printf '%s' '1765108800.{"id":"a1"}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
        assertEquals(
                "t=1765108800,v1=e9777a0fbb6fa0c2a72b84a3146df0bd20a81a7474fff95bbf5182efde8bfa83",
                signature.header(T, BODY));
    }

    @Test
    void aReceiverAcceptsTheSignatureWithinTheTolerance() {
        String header = signature.header(T, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, T, 300));
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, T + 300, 300));
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, T - 300, 300), "a sender's clock a little ahead");
    }

    @Test
    void aReceiverRefusesAReplayOutsideTheTolerance() {
        assertFalse(WebhookSignature.verify(SECRET, signature.header(T, BODY), BODY, T + 301, 300));
    }

    @Test
    void aReceiverRefusesAnotherBodyAnotherSecretOrAnotherTimestamp() {
        String header = signature.header(T, BODY);
        assertFalse(WebhookSignature.verify(SECRET, header, "{\"id\":\"a2\"}".getBytes(UTF_8), T, 300));
        assertFalse(WebhookSignature.verify("whsec_other-secret", header, BODY, T, 300));
        String moved = header.replace("t=" + T, "t=" + (T + 1));
        assertFalse(WebhookSignature.verify(SECRET, moved, BODY, T, 300), "the timestamp is signed too");
    }

    @Test
    void aReceiverRefusesMalformedHeaders() {
        String v1 = signature.header(T, BODY).substring(("t=" + T + ",").length());
        for (String header : new String[] {null, "", v1, "t=abc," + v1, "t=" + T, "t=" + T + ",v1", "garbage"}) {
            assertFalse(WebhookSignature.verify(SECRET, header, BODY, T, 300), String.valueOf(header));
        }
    }

    @Test
    void anyOneOfSeveralSignaturesIsEnough() {
        String header = signature.header(T, BODY) + ",v1=" + "0".repeat(64);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, T, 300));
        String otherFirst = "t=" + T + ",v1=" + "0".repeat(64) + ","
                + signature.header(T, BODY).split(",")[1];
        assertTrue(WebhookSignature.verify(SECRET, otherFirst, BODY, T, 300));
    }
}
