package io.vigil.recorder.connect;

import io.vigil.camera.TlsFingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether Vigil trusts the certificate an {@code rtsps://} camera presented, before any credential is sent to it.
 * Pure. A pinned camera is trusted with exactly its pinned certificate, whatever signed it (cameras carry
 * self-signed certificates); an unpinned one only with a certificate the default trust store and the camera's host
 * name vouch for.
 */
public final class TlsTrust {

    private TlsTrust() {}

    /**
     * @param seen             fingerprint of the certificate the camera presented
     * @param pinned           the camera's pinned certificate, or null
     * @param defaultRejection why the default trust store or the host name check rejected the certificate, or empty
     * @return why the camera is refused (a message for its status: names the fingerprint seen, never a credential),
     *         or empty if it is trusted
     */
    public static Optional<String> refusal(
            TlsFingerprint seen, TlsFingerprint pinned, Optional<String> defaultRejection) {
        Objects.requireNonNull(seen, "seen");
        if (pinned != null) {
            return pinned.equals(seen)
                    ? Optional.empty()
                    : Optional.of("TLS certificate refused: its SHA-256 fingerprint " + seen + " is not the pinned "
                            + pinned + "; credentials not sent");
        }
        return defaultRejection.map(
                why -> "TLS certificate not trusted (" + why + "); credentials not sent. If this is "
                        + "the camera's own certificate (check on the camera), pin its SHA-256 fingerprint " + seen
                        + " as tlsFingerprint");
    }
}
