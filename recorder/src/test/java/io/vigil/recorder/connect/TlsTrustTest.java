package io.vigil.recorder.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.camera.TlsFingerprint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a camera's certificate is trusted: pinned exactly, or vouched for by the default trust store and host. */
class TlsTrustTest {

    private static final TlsFingerprint SEEN = TlsFingerprint.parse("11".repeat(32));
    private static final TlsFingerprint OTHER = TlsFingerprint.parse("22".repeat(32));
    private static final Optional<String> SELF_SIGNED = Optional.of("PKIX path building failed");

    @Test
    void aPinnedCameraIsTrustedWithExactlyItsCertificateWhateverTheDefaultTrustStoreSays() {
        assertEquals(Optional.empty(), TlsTrust.refusal(SEEN, SEEN, SELF_SIGNED));
        assertEquals(Optional.empty(), TlsTrust.refusal(SEEN, SEEN, Optional.empty()));
        String refused = "TLS certificate refused: its SHA-256 fingerprint " + SEEN + " is not the pinned " + OTHER
                + "; credentials not sent";
        assertEquals(Optional.of(refused), TlsTrust.refusal(SEEN, OTHER, SELF_SIGNED));
        assertEquals(
                Optional.of(refused),
                TlsTrust.refusal(SEEN, OTHER, Optional.empty()),
                "a pin is not overruled by a certificate some CA signed");
    }

    @Test
    void anUnpinnedCameraNeedsTheDefaultTrustStoreAndItsHostNameAndIsToldTheFingerprintToPin() {
        assertEquals(Optional.empty(), TlsTrust.refusal(SEEN, null, Optional.empty()));
        assertEquals(
                Optional.of("TLS certificate not trusted (PKIX path building failed); credentials not sent. If this "
                        + "is the camera's own certificate (check on the camera), pin its SHA-256 fingerprint " + SEEN
                        + " as tlsFingerprint"),
                TlsTrust.refusal(SEEN, null, SELF_SIGNED));
    }
}
