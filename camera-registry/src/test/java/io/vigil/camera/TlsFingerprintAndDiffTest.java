package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fingerprints as openssl prints them, and the audit wording of a camera change: never a password. */
class TlsFingerprintAndDiffTest {

    @Test
    void aFingerprintIsTheSha256OfTheCertificateAsOpensslPrintsIt() {
        // SHA-256 of the three bytes "abc"
        assertEquals(
                "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
                TlsFingerprint.ofCertificate("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .value());
    }

    @Test
    void aChangeNamesItsFieldsAndOnlyTheFactOfCredentials() {
        CameraValidator validator = new CameraValidator(30);
        Camera before = validator.validate(
                new CameraRequest("gate", "Gate", "rtsp://192.0.2.5/s", "admin", "old-secret", null, true, 30, null),
                Optional.empty(),
                Camera.Source.API);
        Camera moved = validator.validate(
                new CameraRequest(null, null, "rtsp://203.0.113.9:8554/s", null, null, null, null, 60, 1000L),
                Optional.of(before),
                Camera.Source.API);
        String change = CameraDiff.changed(before, moved);
        assertEquals(
                "url rtsp://192.0.2.5/s -> rtsp://203.0.113.9:8554/s, user name removed, password removed, "
                        + "stored credentials dropped with the old scheme, host or port, retention 30 -> 60 days, "
                        + "quota none -> 1000 bytes",
                change);
        Camera newPassword = validator.validate(
                new CameraRequest(null, null, null, null, "new-secret", null, false, null, null),
                Optional.of(before),
                Camera.Source.API);
        assertEquals("password changed, disabled", CameraDiff.changed(before, newPassword));
        assertEquals("no change", CameraDiff.changed(before, before));
        assertEquals(
                "created: url rtsp://192.0.2.5/s, transport tcp, enabled, retention 30 days, user name set, password set",
                CameraDiff.created(before));
        for (String text : new String[] {change, CameraDiff.changed(before, newPassword), CameraDiff.created(before)}) {
            assertFalse(text.contains("secret"), text);
        }
    }
}
