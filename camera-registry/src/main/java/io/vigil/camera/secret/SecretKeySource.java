package io.vigil.camera.secret;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where the key for camera passwords comes from: {@code vigil.secret-key} (env {@code VIGIL_SECRET_KEY}),
 * 32 bytes in base64 ({@code openssl rand -base64 32}); else the key file {@code vigil.secret-key-file}
 * ({@code data/secret.key}), created with owner-only permissions (0600) the first time a password is stored.
 * Back the key up with the database: without it the stored passwords cannot be read.
 */
@Factory
public class SecretKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeySource.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Singleton
    CredentialCipher credentialCipher(@Value("${vigil.secret-key:}") String configuredKey,
                                      @Value("${vigil.secret-key-file:data/secret.key}") Path keyFile) {
        SecureRandom random = new SecureRandom();
        return new CredentialCipher(() -> configuredKey.isBlank() ? fromFile(keyFile, random) : parse(configuredKey,
                "VIGIL_SECRET_KEY"), random);
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
            throw new VigilException(ErrorCode.SECRET_KEY_MISMATCH, origin + " must hold 32 bytes in base64 "
                    + "(make one with: openssl rand -base64 32)");
        }
        return key;
    }

    /** The key in {@code file}, made (0600) if there is none yet. */
    static byte[] fromFile(Path file, SecureRandom random) {
        try {
            if (Files.notExists(file)) {
                create(file, random);
            }
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                LOG.warn("Secret key file {} is readable by others than its owner: chmod 600 it", file.toAbsolutePath());
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "secret key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new VigilException(ErrorCode.SECRET_KEY_MISMATCH, "cannot read or create the secret key file "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".secret-key", ".partial", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file); // no REPLACE_EXISTING: a key another process made first wins
            LOG.warn("Created secret key file {} (0600) for camera passwords; back it up with the database: "
                    + "without it the stored passwords cannot be read", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            LOG.info("Secret key file {} was created meanwhile; using it", file.toAbsolutePath());
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
