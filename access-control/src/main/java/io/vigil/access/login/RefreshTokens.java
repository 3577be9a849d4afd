package io.vigil.access.login;

import io.vigil.kernel.Sha256;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Refresh tokens: random, stored only as SHA-256, each usable once (using one yields its successor). */
@Singleton
public class RefreshTokens {

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public String issue(String username, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        db.update(
                "INSERT INTO refresh_token (token_sha256, username, created_millis, expires_millis, used_millis) "
                        + "VALUES (?, ?, ?, ?, ?)",
                hash(token),
                username,
                now,
                now + validity.toMillis(),
                null);
        db.update(
                "DELETE FROM refresh_token WHERE expires_millis < ?",
                now - Duration.ofDays(1).toMillis());
        return token;
    }

    /** The username of a usable token, which is used up by this call; empty for unknown, used or expired ones. */
    public Optional<String> use(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = hash(token);
        return db.inTransaction(() -> {
            Optional<String> user = db
                    .query(
                            "SELECT username FROM refresh_token WHERE token_sha256 = ? "
                                    + "AND used_millis IS NULL AND expires_millis > ? FOR UPDATE",
                            rs -> rs.getString(1),
                            hash,
                            now)
                    .stream()
                    .findFirst();
            user.ifPresent(
                    u -> db.update("UPDATE refresh_token SET used_millis = ? WHERE token_sha256 = ?", now, hash));
            return user;
        });
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
