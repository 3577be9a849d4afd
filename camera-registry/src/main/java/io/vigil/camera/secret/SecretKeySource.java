package io.vigil.camera.secret;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyFile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key for camera passwords comes from: {@code vigil.secret-key} (env {@code VIGIL_SECRET_KEY}),
 * 32 bytes in base64 ({@code openssl rand -base64 32}); else the key file {@code vigil.secret-key-file}
 * ({@code data/secret.key}), created with owner-only permissions (0600) the first time a password is stored.
 * Back the key up with the database: without it the stored passwords cannot be read.
 */
@Factory
public class SecretKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeySource.class);

    @Singleton
    CredentialCipher credentialCipher(
            @Value("${vigil.secret-key:}") String configuredKey,
            @Value("${vigil.secret-key-file:data/secret.key}") Path keyFile) {
        SecureRandom random = new SecureRandom();
        return new CredentialCipher(
                () -> configuredKey.isBlank() ? fromFile(keyFile, random) : parse(configuredKey, "VIGIL_SECRET_KEY"),
                random);
    }

    /** A base64 key of 32 bytes; anything else is refused, naming where it came from but never the value. */
    static byte[] parse(String base64, String origin) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new VigilException(
                    ErrorCode.SECRET_KEY_MISMATCH,
                    origin + " must hold 32 bytes in base64 " + "(make one with: openssl rand -base64 32)");
        }
        return key;
    }

    /** The key in {@code file}, made (0600) if there is none yet. */
    static byte[] fromFile(Path file, SecureRandom random) {
        try {
            OwnerOnlyFile.Content content = OwnerOnlyFile.readOrCreate(file, () -> {
                byte[] key = new byte[32];
                random.nextBytes(key);
                return Base64.getEncoder().encodeToString(key) + "\n";
            });
            if (content.created()) {
                LOG.warn(
                        "Created secret key file {} (0600) for camera passwords; back it up with the database: "
                                + "without it the stored passwords cannot be read",
                        file.toAbsolutePath());
            }
            if (content.othersMayRead()) {
                LOG.warn(
                        "Secret key file {} is readable by others than its owner: chmod 600 it", file.toAbsolutePath());
            }
            return parse(content.text(), "secret key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new VigilException(
                    ErrorCode.SECRET_KEY_MISMATCH,
                    "cannot read or create the secret key file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
    }
}
