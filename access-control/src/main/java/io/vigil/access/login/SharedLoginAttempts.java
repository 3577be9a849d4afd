package io.vigil.access.login;

import io.micronaut.scheduling.annotation.Scheduled;
import io.vigil.access.SecurityConfig;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.database.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sign-in attempts in the database ({@code login_attempt}), so a guesser gets the same budget however many nodes
 * a load balancer spreads the guesses over. Keys are stored as SHA-256: a username typed wrong, or an address,
 * is not kept in the clear. Rows older than the lock-out window are of no use and are deleted.
 */
@Singleton
public class SharedLoginAttempts implements LoginThrottle.Attempts {

    private final Database db;
    private final Clock clock;
    private final Duration keepFor;

    @Inject
    public SharedLoginAttempts(Database db, Clock clock, SecurityConfig config) {
        this(db, clock, config.loginLockout());
    }

    SharedLoginAttempts(Database db, Clock clock, Duration keepFor) {
        this.db = db;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Override
    public void add(String key, String attemptId, Instant at) {
        db.update(
                "INSERT INTO login_attempt (attempt_id, key_sha256, at_millis) VALUES (?, ?, ?)",
                attemptId,
                hash(key),
                at.toEpochMilli());
    }

    @Override
    public List<Instant> since(String key, Instant after) {
        return db.query(
                "SELECT at_millis FROM login_attempt WHERE key_sha256 = ? AND at_millis > ? ORDER BY at_millis",
                rs -> Instant.ofEpochMilli(rs.getLong(1)),
                hash(key),
                after.toEpochMilli());
    }

    @Override
    public void remove(String key, String attemptId) {
        db.update("DELETE FROM login_attempt WHERE attempt_id = ?", attemptId);
    }

    /** Deletes attempts too old to count. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    public void prune() {
        db.update(
                "DELETE FROM login_attempt WHERE at_millis < ?",
                clock.instant().minus(keepFor).toEpochMilli());
    }

    private static String hash(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
