package io.vigil.playback.clip;

import io.micronaut.context.annotation.Value;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyFile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Ed25519 key for signing export manifests. Kept in {@code vigil.export-signing-key-file}
 * ({@code data/export-signing.key}, 0600: base64 of the PKCS#8 private key, then of the X.509 public key),
 * made the first time a manifest is signed. Its public half is published for auditors to verify with.
 */
@Singleton
public class ExportSigner {

    private static final Logger LOG = LoggerFactory.getLogger(ExportSigner.class);

    private final Path keyFile;
    private volatile KeyPair keys;

    public ExportSigner(@Value("${vigil.export-signing-key-file:data/export-signing.key}") Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys().getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new VigilException(ErrorCode.INTERNAL, "cannot sign an export manifest: " + e.getMessage(), e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as openssl reads it. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair load() {
        try {
            OwnerOnlyFile.Content content = OwnerOnlyFile.readOrCreate(keyFile, ExportSigner::newKeyText);
            if (content.created()) {
                LOG.warn(
                        "Created export signing key {} (0600); back it up: manifests signed with it verify only against "
                                + "its public key (GET /api/keys/export-signing)",
                        keyFile.toAbsolutePath());
            }
            String[] lines = content.text().strip().split("\n");
            if (lines.length != 2) {
                throw new GeneralSecurityException("expected two lines, private and public key");
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].strip())));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].strip())));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new VigilException(
                    ErrorCode.INTERNAL,
                    "the export signing key file " + keyFile.toAbsolutePath() + " cannot be read or made: "
                            + e.getMessage(),
                    e);
        }
    }

    private static String newKeyText() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }
}
