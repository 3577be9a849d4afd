package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.VigilException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A camera update that moves the URL to another scheme, host or port drops the stored user name, password and
 * pinned certificate unless the same request gives them again (issue 15, item 1): else an installer could send the
 * camera's password to a host of their choosing.
 */
class CameraCredentialOriginTest {

    private static final String PIN = "AB:".repeat(31) + "AB";
    private final CameraValidator validator = new CameraValidator(30);

    private final Camera stored = validator.validate(
            new CameraRequest(
                    "gate", "Gate", "rtsps://192.0.2.5/s", "admin", "real-secret", null, true, 30, null, PIN, null),
            Optional.empty(),
            Camera.Source.API);

    private Camera update(String url, String username, String password, String fingerprint) {
        return validator.validate(
                new CameraRequest(null, null, url, username, password, null, null, null, null, fingerprint, null),
                Optional.of(stored),
                Camera.Source.API);
    }

    @Test
    void aNewHostWithoutCredentialsDropsTheStoredOnes() {
        for (String url :
                new String[] {"rtsps://203.0.113.9/s", "rtsp://192.0.2.5:322/s", "rtsps://192.0.2.5:8322/s"}) {
            Camera moved = update(url, null, null, null);
            assertNull(moved.username(), url);
            assertNull(moved.password(), url);
            assertNull(moved.tlsFingerprint(), url);
        }
    }

    @Test
    void theSameOriginKeepsThemWhateverElseChanges() {
        for (String url : new String[] {"rtsps://192.0.2.5/other", "RTSPS://192.0.2.5:322/s?x=1", null}) {
            Camera kept = update(url, null, null, null);
            assertEquals("admin", kept.username(), String.valueOf(url));
            assertEquals("real-secret", kept.password(), String.valueOf(url));
            assertEquals(PIN, kept.tlsFingerprint().value(), String.valueOf(url));
        }
    }

    @Test
    void credentialsGivenWithTheNewHostAreTheOnesUsed() {
        Camera moved = update("rtsps://203.0.113.9/s", "other", "other-secret", null);
        assertEquals("other", moved.username());
        assertEquals("other-secret", moved.password());
        Camera inUrl = update("rtsp://viewer:in-url@203.0.113.9/s", null, null, null);
        assertEquals("viewer", inUrl.username());
        assertEquals("in-url", inUrl.password());
        Camera userOnly = update("rtsps://203.0.113.9/s", "other", null, null);
        assertEquals("other", userOnly.username());
        assertNull(userOnly.password(), "the stored password does not follow a new user name to a new host");
    }

    @Test
    void aPasswordAloneForTheNewHostNeedsItsUserName() {
        VigilException e =
                assertThrows(VigilException.class, () -> update("rtsps://203.0.113.9/s", null, "p4ss", null));
        assertEquals(Map.of("username", "is required when a password is set"), e.fieldErrors());
    }

    @Test
    void aPinIsOnlyForRtspsAndMustBeAFingerprint() {
        VigilException plain = assertThrows(VigilException.class, () -> update("rtsp://192.0.2.5/s", null, null, PIN));
        assertEquals(Map.of("tlsFingerprint", "only an rtsps:// camera has a certificate to pin"), plain.fieldErrors());
        for (String bad : new String[] {"AB", "ZZ:".repeat(31) + "ZZ", PIN + ":00", "sha1:" + PIN}) {
            VigilException e = assertThrows(VigilException.class, () -> update(null, null, null, bad), bad);
            assertEquals(
                    Map.of(
                            "tlsFingerprint",
                            "must be the certificate's SHA-256 fingerprint: 64 hex digits, colons "
                                    + "allowed (openssl x509 -noout -fingerprint -sha256)"),
                    e.fieldErrors(),
                    bad);
        }
        assertEquals(
                PIN,
                update(null, null, null, "sha256 Fingerprint=" + PIN.toLowerCase(Locale.ROOT))
                        .tlsFingerprint()
                        .value());
        assertEquals(
                PIN,
                update(null, null, null, PIN.replace(":", "")).tlsFingerprint().value());
        assertNull(update(null, null, null, "").tlsFingerprint(), "an empty fingerprint unpins");
    }
}
