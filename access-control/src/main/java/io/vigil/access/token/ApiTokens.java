package io.vigil.access.token;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code api_token} table (Flyway {@code V25}): tokens found by their secret's SHA-256, never by the secret.
 * A token's last use is written at most once a minute, so a busy door panel does not write a row per request.
 */
@Singleton
public class ApiTokens {

    /** How stale a token's recorded last use may get before a request updates it. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private static final String COLUMNS =
            "id, name, cameras, scopes, created_by, created_millis, last_used_millis, " + "revoked_millis, revoked_by";

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a token; the answer holds its secret, which nothing keeps. 409 {@code TOKEN_EXISTS} for a name in use. */
    public CreatedToken create(TokenRules.Checked checked, String createdBy) {
        String secret = TokenSecret.generate(random);
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(),
                checked.name(),
                checked.cameraIds(),
                checked.scopes(),
                createdBy,
                clock.instant(),
                null,
                null,
                null);
        db.inTransaction(() -> {
            if (!db.query("SELECT id FROM api_token WHERE name = ?", rs -> rs.getString(1), token.name())
                    .isEmpty()) {
                throw new VigilException(
                        ErrorCode.TOKEN_EXISTS, "an API token named " + token.name() + " exists (revoked ones too)");
            }
            db.update(
                    "INSERT INTO api_token (id, secret_sha256, name, cameras, scopes, created_by, created_millis)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    token.id(),
                    TokenSecret.hash(secret),
                    token.name(),
                    String.join(",", token.cameraIds()),
                    String.join(",", token.scopes()),
                    token.createdBy(),
                    token.created().toEpochMilli());
            return null;
        });
        return new CreatedToken(token, secret);
    }

    /** Every token, newest first, revoked ones included. */
    public List<ApiToken> list() {
        return db.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_millis DESC, id", ApiTokens::token);
    }

    public ApiToken get(String id) {
        return db.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", ApiTokens::token, id).stream()
                .findFirst()
                .orElseThrow(() -> new VigilException(ErrorCode.TOKEN_NOT_FOUND, "no such API token"));
    }

    /** Revokes the token (kept on record); revoking a revoked one changes nothing. */
    public ApiToken revoke(String id, String by) {
        get(id);
        db.update(
                "UPDATE api_token SET revoked_millis = ?, revoked_by = ? WHERE id = ? AND revoked_millis IS NULL",
                clock.instant().toEpochMilli(),
                by,
                id);
        return get(id);
    }

    /** The usable (not revoked) token whose secret this is, its last use noted; empty for any other string. */
    public Optional<ApiToken> usable(String secret) {
        if (!TokenSecret.wellFormed(secret)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = db
                .query(
                        "SELECT " + COLUMNS + " FROM api_token WHERE secret_sha256 = ? AND revoked_millis IS NULL",
                        ApiTokens::token,
                        TokenSecret.hash(secret))
                .stream()
                .findFirst();
        token.ifPresent(this::noteUse);
        return token;
    }

    private void noteUse(ApiToken token) {
        Instant now = clock.instant();
        if (token.lastUsed() == null
                || !token.lastUsed().plus(LAST_USE_RESOLUTION).isAfter(now)) {
            db.update("UPDATE api_token SET last_used_millis = ? WHERE id = ?", now.toEpochMilli(), token.id());
        }
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getString(1),
                rs.getString(2),
                Arrays.asList(rs.getString(3).split(",")),
                Arrays.asList(rs.getString(4).split(",")),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                instant(rs, 7),
                instant(rs, 8),
                rs.getString(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
