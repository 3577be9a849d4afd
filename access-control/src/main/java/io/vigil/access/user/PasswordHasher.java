package io.vigil.access.user;

import io.vigil.access.SecurityConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt ({@code $2b$}) password hashes, and the rules a new password must meet. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes of a password; longer ones would be silently cut. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    /** Checked when the user does not exist, so an unknown name takes as long as a wrong password. */
    private final String decoy;

    public PasswordHasher(SecurityConfig config) {
        this(config.bcryptCost());
    }

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.decoy = hash("decoy-password-never-matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no such user) costs the same and fails. */
    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        try {
            boolean ok = OpenBSDBCrypt.checkPassword(hash == null ? decoy : hash, password.toCharArray());
            return ok && hash != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What is wrong with a new password, if anything. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt ignores the rest)");
        }
        return Optional.empty();
    }
}
