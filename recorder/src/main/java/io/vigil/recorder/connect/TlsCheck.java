package io.vigil.recorder.connect;

import io.vigil.camera.TlsFingerprint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Vigil's own TLS handshake with an {@code rtsps://} camera, before FFmpeg connects: it learns the certificate the
 * camera presents and whether the default trust store and the host name vouch for it. Sends nothing but the
 * handshake, then closes.
 */
final class TlsCheck {

    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /**
     * What the handshake showed.
     *
     * @param chain            the certificates the camera presented, its own first
     * @param defaultRejection why the default trust store or host name check rejects them, or empty
     */
    record Seen(List<X509Certificate> chain, Optional<String> defaultRejection) {
        TlsFingerprint fingerprint() {
            try {
                return TlsFingerprint.ofCertificate(chain.get(0).getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("a presented certificate has no encoding", e);
            }
        }
    }

    private final X509ExtendedTrustManager defaults;

    TlsCheck(X509ExtendedTrustManager defaults) {
        this.defaults = defaults;
    }

    /** The JDK's default trust store. */
    static X509ExtendedTrustManager defaultTrustManager() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read", e);
        }
    }

    X509Certificate[] trustedRoots() {
        return defaults.getAcceptedIssuers();
    }

    /**
     * Handshakes with {@code address:port}, naming {@code host} (SNI, and the name its certificate must carry).
     *
     * @throws IOException if there is no TLS server there (refused, timed out, not TLS)
     */
    Seen handshake(InetAddress address, int port, String host, Duration timeout) throws IOException {
        Recording recording = new Recording(defaults);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recording}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!ADDRESS_LITERAL.matcher(host).matches()) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
            }
        } catch (IOException e) {
            if (recording.chain == null) {
                throw e;
            }
        }
        if (recording.chain == null || recording.chain.length == 0) {
            throw new IOException("the camera presented no certificate");
        }
        return new Seen(List.of(recording.chain), Optional.ofNullable(recording.rejection));
    }

    /** Accepts any chain, noting it and what the default trust manager (with the host name check) says of it. */
    private static final class Recording extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager defaults;
        private volatile X509Certificate[] chain;
        private volatile String rejection;

        Recording(X509ExtendedTrustManager defaults) {
            this.defaults = defaults;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
            chain = presented.clone();
            try {
                defaults.checkServerTrusted(presented, authType, socket);
            } catch (CertificateException | RuntimeException e) {
                rejection = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("sockets only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) {
            throw new UnsupportedOperationException("sockets only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
