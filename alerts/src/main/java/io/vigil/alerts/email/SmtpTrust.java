package io.vigil.alerts.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom an SMTP server's certificate must chain to: the JVM's trust store, or only the certificates of
 * {@code vigil.alerts.email.ca-file} (PEM: a private CA, or the server's own self-signed certificate). The server's
 * name is checked against its certificate either way (Jakarta Mail's {@code ssl.checkserveridentity}).
 */
final class SmtpTrust {

    /** The most certificates a CA file holds. */
    static final int MAX_CERTIFICATES = 100;

    private SmtpTrust() {}

    /** The TLS socket factory trusting {@code caFile}'s certificates, or the JVM's when empty; refused with why. */
    static SSLSocketFactory socketFactory(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(caFile.get())) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty() || certificates.size() > MAX_CERTIFICATES) {
                throw new IllegalArgumentException(
                        "vigil.alerts.email.ca-file must hold 1 to " + MAX_CERTIFICATES + " PEM certificates, not "
                                + certificates.size() + ": " + caFile.get().toAbsolutePath());
            }
            int n = 0;
            for (Certificate certificate : certificates) {
                anchors.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "vigil.alerts.email.ca-file is not a PEM file of certificates: "
                            + caFile.map(Path::toAbsolutePath)
                                    .map(Path::toString)
                                    .orElse("")
                            + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
