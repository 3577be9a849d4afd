package io.vigil.recorder.connect;

import io.vigil.camera.Camera;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.camera.RtspOrigin;
import io.vigil.camera.RtspUrl;
import io.vigil.camera.network.CameraNetworkPolicy;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before every connection, where an engine may connect to a camera and how: the camera's host is resolved
 * and its address checked against the camera networks ({@link CameraNetworkPolicy}); the engine is pointed at that
 * very address ({@link ConnectTarget#url()}), so it cannot resolve the name again to another. For {@code rtsps://}, Vigil first handshakes
 * itself ({@link TlsCheck}) and refuses a certificate that is not the pinned one or, unpinned, that the default
 * trust store and the host name do not vouch for ({@link TlsTrust}); FFmpeg's own connection then verifies its
 * peer too ({@code tls_verify=1}) against the pinned certificate's chain or the same default roots, so credentials
 * never go to an unverified peer. (FFmpeg 8 checks the chain but not the host name; Vigil's own handshake does.)
 */
@Singleton
public class CameraConnector {

    private final CameraNetworkPolicy networks;
    private final CameraStatusBoard statusBoard;
    private final TlsCheck tls;
    private final Object rootsLock = new Object();
    private Path rootsFile;

    @Inject
    public CameraConnector(CameraNetworkPolicy networks, CameraStatusBoard statusBoard) {
        this(networks, statusBoard, new TlsCheck(TlsCheck.defaultTrustManager()));
    }

    CameraConnector(CameraNetworkPolicy networks, CameraStatusBoard statusBoard, TlsCheck tls) {
        this.networks = networks;
        this.statusBoard = statusBoard;
        this.tls = tls;
    }

    /**
     * @throws ConnectRefused with the state and reason for the camera's status: ERROR for a denied network or an
     *                        untrusted certificate, OFFLINE when the host does not resolve or answer
     */
    public ConnectTarget prepare(Camera camera, Duration timeout) throws ConnectRefused {
        return prepare(camera, StreamName.MAIN, timeout);
    }

    /** Like {@link #prepare(Camera, Duration)}, for one of the camera's streams (at the camera's origin). */
    public ConnectTarget prepare(Camera camera, StreamName stream, Duration timeout) throws ConnectRefused {
        String key = StreamKey.of(camera.id(), stream).value();
        RtspOrigin origin = camera.url(stream).origin();
        InetAddress address;
        try {
            address = networks.connectable(camera.url(stream));
        } catch (UnknownHostException e) {
            throw new ConnectRefused(CameraStatus.State.OFFLINE, "cannot resolve the camera's host " + origin.host());
        } catch (CameraNetworkPolicy.Refused e) {
            throw new ConnectRefused(CameraStatus.State.ERROR, e.getMessage());
        }
        RtspUrl url = camera.url(stream).withHost(address.getHostAddress());
        if (!origin.tls()) {
            statusBoard.tlsCertificateSeen(key, null);
            return new ConnectTarget(url, camera.username(), camera.password(), Map.of(), Optional.empty());
        }
        TlsCheck.Seen seen;
        try {
            seen = tls.handshake(address, origin.port(), origin.host(), timeout);
        } catch (IOException e) {
            throw new ConnectRefused(
                    CameraStatus.State.OFFLINE,
                    "no TLS handshake with " + address.getHostAddress() + " port " + origin.port() + ": "
                            + e.getMessage());
        }
        statusBoard.tlsCertificateSeen(key, seen.fingerprint());
        Optional<String> refusal =
                TlsTrust.refusal(seen.fingerprint(), camera.tlsFingerprint(), seen.defaultRejection());
        if (refusal.isPresent()) {
            throw new ConnectRefused(CameraStatus.State.ERROR, refusal.get());
        }
        if (camera.tlsFingerprint() != null) {
            Path pinned = writeOwnerOnly("vigil-pinned-", seen.chain());
            return new ConnectTarget(
                    url,
                    camera.username(),
                    camera.password(),
                    Map.of("tls_verify", "1", "ca_file", pinned.toString()),
                    Optional.of(pinned));
        }
        return new ConnectTarget(
                url,
                camera.username(),
                camera.password(),
                Map.of("tls_verify", "1", "ca_file", rootsFile().toString()),
                Optional.empty());
    }

    /** The default trust store's roots as PEM, for FFmpeg: written once (0600), again if something removed it. */
    private Path rootsFile() throws ConnectRefused {
        synchronized (rootsLock) {
            if (rootsFile == null || !Files.exists(rootsFile)) {
                rootsFile = writeOwnerOnly("vigil-trusted-roots-", List.of(tls.trustedRoots()));
                rootsFile.toFile().deleteOnExit();
            }
            return rootsFile;
        }
    }

    private static Path writeOwnerOnly(String prefix, List<X509Certificate> certificates) throws ConnectRefused {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        try {
            for (X509Certificate c : certificates) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            Path file = Files.createTempFile(
                    prefix, ".pem", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate has no encoding", e);
        } catch (IOException e) {
            throw new ConnectRefused(
                    CameraStatus.State.ERROR,
                    "cannot write the certificate file FFmpeg verifies the " + "camera with (" + e.getMessage()
                            + "); not connected");
        }
    }
}
