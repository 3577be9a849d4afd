package io.vigil.e2e;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A listener that stands in for a camera (or for whoever an installer points a camera at): it answers every RTSP
 * request with {@code 401} and a {@code WWW-Authenticate: Basic} challenge, so a client that has credentials sends
 * them, and keeps every request it got. Plain TCP, or TLS with a self-signed certificate made by {@code keytool}.
 */
final class FakeRtspCamera implements AutoCloseable {

    private final ServerSocket server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    /** SHA-256 fingerprint of its certificate as openssl prints it; null for plain TCP. */
    final String fingerprint;

    private FakeRtspCamera(ServerSocket server, String fingerprint) {
        this.server = server;
        this.fingerprint = fingerprint;
        Thread accept = new Thread(this::acceptLoop, "fake-camera-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    static FakeRtspCamera plain(String address) throws IOException {
        return new FakeRtspCamera(new ServerSocket(0, 10, InetAddress.getByName(address)), null);
    }

    /** TLS on 127.0.0.1 with a fresh self-signed certificate for IP 127.0.0.1, written under {@code dir}. */
    // an IPv4 literal, the address the camera URL names: nothing to resolve
    @SuppressWarnings("AddressSelection")
    static FakeRtspCamera tls(Path dir) throws Exception {
        Path keystore = dir.resolve("camera-" + System.nanoTime() + ".p12");
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
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        byte[] der = ((X509Certificate) ks.getCertificate("camera")).getEncoded();
        String fingerprint = HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new FakeRtspCamera(
                ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getByName("127.0.0.1")),
                fingerprint);
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many of its requests carried an {@code Authorization} header. */
    long withAuthorization() {
        return requests.stream().filter(r -> r.contains("\nAuthorization:")).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(socket));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            String request;
            while ((request = readRequest(in)) != null) {
                requests.add(request);
                String cseq = request.lines()
                        .filter(l -> l.regionMatches(true, 0, "CSeq:", 0, 5))
                        .findFirst()
                        .map(l -> l.substring(5).trim())
                        .orElse("0");
                socket.getOutputStream()
                        .write(("RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq
                                        + "\r\nWWW-Authenticate: Basic realm=\"fake-camera\"\r\nContent-Length: 0\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the client went away (or only made a TLS handshake): nothing more to record
        }
    }

    /** One request's head (up to the empty line), or null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (n > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
