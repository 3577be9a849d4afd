package io.vigil.recorder.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraRequest;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.camera.CameraValidator;
import io.vigil.camera.TlsFingerprint;
import io.vigil.camera.network.CameraNetworkPolicy;
import io.vigil.camera.network.CameraNetworksConfig;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the recorder connects FFmpeg to, against a real TLS server on loopback with a self-signed certificate made
 * here: refused unpinned and with a wrong pin (no byte but the handshake sent), let through with the right pin and
 * FFmpeg told to verify its own connection against that certificate; denied networks never connected to.
 */
class CameraConnectorTest {

    @TempDir
    Path dir;

    private SSLServerSocket server;
    private final AtomicInteger applicationBytes = new AtomicInteger();
    private TlsFingerprint serverFingerprint;
    private CameraStatusBoard board;
    private CameraConnector connector;
    private final CameraValidator validator = new CameraValidator(30);

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("camera.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "camera",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=camera.test",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit",
                        "-ext",
                        "san=ip:127.0.0.1")
                .redirectErrorStream(true)
                .start();
        assertEquals(
                0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), Charset.defaultCharset()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        serverFingerprint = TlsFingerprint.ofCertificate(((X509Certificate) ks.getCertificate("camera")).getEncoded());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket)
                ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                    int b;
                    while ((b = s.getInputStream().read()) >= 0) {
                        applicationBytes.incrementAndGet();
                    }
                } catch (Exception e) {
                    // closed by the client after the handshake: what the check does
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        io.vigil.archive.spool.SpoolConfig spool = new io.vigil.archive.spool.SpoolConfig(
                dir.resolve("spool"),
                1L << 26,
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofHours(2),
                1L << 26);
        board = new CameraStatusBoard(
                Clock.systemUTC(),
                new io.vigil.archive.SpoolBacklog(
                        new SegmentSpool(spool), new io.vigil.archive.UnnumberedSegments(spool)),
                new SimpleMeterRegistry());
        connector = new CameraConnector(
                new CameraNetworkPolicy(
                        new CameraNetworksConfig(null, null), () -> Set.of(1), InetAddress::getAllByName),
                board);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Camera camera(String url, String fingerprint) {
        return validator.validate(
                new CameraRequest("cam", null, url, "admin", "cam-secret", null, null, null, null, fingerprint, null),
                Optional.empty(),
                Camera.Source.API);
    }

    private String rtsps() {
        return "rtsps://127.0.0.1:" + server.getLocalPort() + "/stream";
    }

    @Test
    void anUnpinnedSelfSignedCameraIsRefusedAndItsFingerprintShown() {
        ConnectRefused e = assertThrows(
                ConnectRefused.class, () -> connector.prepare(camera(rtsps(), null), Duration.ofSeconds(5)));
        assertEquals(CameraStatus.State.ERROR, e.state());
        assertTrue(e.getMessage().startsWith("TLS certificate not trusted ("), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("credentials not sent. If this is the camera's own certificate (check on the "
                                + "camera), pin its SHA-256 fingerprint " + serverFingerprint + " as tlsFingerprint"),
                e.getMessage());
        assertEquals(serverFingerprint.value(), board.local("cam").tlsFingerprint());
        assertEquals(0, applicationBytes.get(), "nothing but the handshake reached the camera");
    }

    @Test
    void aWrongPinIsRefused() {
        TlsFingerprint wrong = TlsFingerprint.parse("00".repeat(32));
        ConnectRefused e = assertThrows(
                ConnectRefused.class, () -> connector.prepare(camera(rtsps(), wrong.value()), Duration.ofSeconds(5)));
        assertEquals(
                "TLS certificate refused: its SHA-256 fingerprint " + serverFingerprint + " is not the pinned " + wrong
                        + "; credentials not sent",
                e.getMessage());
        assertEquals(0, applicationBytes.get());
    }

    @Test
    void theRightPinLetsFfmpegConnectVerifyingAgainstThatCertificateOnly() throws Exception {
        Path caFile;
        try (ConnectTarget target =
                connector.prepare(camera(rtsps(), serverFingerprint.value()), Duration.ofSeconds(5))) {
            assertEquals("rtsps://admin:cam-secret@127.0.0.1:" + server.getLocalPort() + "/stream", target.ffmpegUrl());
            assertEquals(
                    "rtsps://127.0.0.1:" + server.getLocalPort() + "/stream",
                    target.url().value());
            assertEquals("admin", target.username());
            assertEquals("cam-secret", target.password());
            assertFalse(target.toString().contains("cam-secret"), target.toString());
            assertEquals("1", target.ffmpegOptions().get("tls_verify"));
            caFile = Path.of(target.ffmpegOptions().get("ca_file"));
            assertEquals(Optional.of(caFile), target.ownCaFile());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(caFile)));
            String pem = Files.readString(caFile);
            assertTrue(
                    pem.startsWith("-----BEGIN CERTIFICATE-----\n") && pem.endsWith("-----END CERTIFICATE-----\n"),
                    pem);
            assertEquals(1, pem.split("BEGIN CERTIFICATE").length - 1, "the camera's one certificate");
        }
        assertFalse(Files.exists(caFile), "deleted once FFmpeg has opened the session");
        assertEquals(0, applicationBytes.get());
    }

    @Test
    void aPlainCameraIsConnectedToTheCheckedAddressAndADeniedOneNotAtAll() throws Exception {
        try (ConnectTarget target = connector.prepare(camera("rtsp://localhost:8554/s", null), Duration.ofSeconds(5))) {
            assertTrue(
                    List.of(
                                    "rtsp://admin:cam-secret@127.0.0.1:8554/s",
                                    "rtsp://admin:cam-secret@[0:0:0:0:0:0:0:1]:8554/s")
                            .contains(target.ffmpegUrl()),
                    target.toString());
            assertTrue(
                    List.of("rtsp://127.0.0.1:8554/s", "rtsp://[0:0:0:0:0:0:0:1]:8554/s")
                            .contains(target.url().value()),
                    "the checked address without credentials, for engines that send them themselves: " + target.url());
            assertEquals(Map.of(), target.ffmpegOptions());
        }
        ConnectRefused own = assertThrows(
                ConnectRefused.class,
                () -> connector.prepare(camera("rtsp://127.0.0.1:1/s", null), Duration.ofSeconds(5)));
        assertEquals(CameraStatus.State.ERROR, own.state());
        assertEquals(
                "not connected: 127.0.0.1 port 1 is this service's own port (its API or its object store), not a camera",
                own.getMessage());
        ConnectRefused unknown = assertThrows(
                ConnectRefused.class,
                () -> connector.prepare(camera("rtsp://no-such-camera.invalid/s", null), Duration.ofSeconds(5)));
        assertEquals(CameraStatus.State.OFFLINE, unknown.state());
        assertEquals("cannot resolve the camera's host no-such-camera.invalid", unknown.getMessage());
    }
}
