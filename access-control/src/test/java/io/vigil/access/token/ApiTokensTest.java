package io.vigil.access.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** API tokens on a real database (H2, and PostgreSQL): found by their secret only while usable; secrets not kept. */
@Tag(TestDatabase.TAG)
class ApiTokensTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final ApiTokens tokens = new ApiTokens(db, clock);

    CreatedToken create(String name, String... cameras) {
        return tokens.create(new TokenRules.Checked(name, List.of(cameras), List.of("events:write")), "admin");
    }

    @Test
    void aTokenIsFoundByItsSecretAndNoOtherString() {
        CreatedToken created = create("door-panel", "dock", "gate");
        ApiToken token = tokens.usable(created.secret()).orElseThrow();
        assertEquals("door-panel", token.name());
        assertEquals(List.of("dock", "gate"), token.cameraIds());
        assertEquals(List.of("events:write"), token.scopes());
        assertEquals("admin", token.createdBy());
        String other = "vgt_" + "A".repeat(43);
        assertTrue(tokens.usable(other).isEmpty());
        assertTrue(tokens.usable(created.secret() + "x").isEmpty());
        assertTrue(tokens.usable(null).isEmpty());
    }

    @Test
    void theDatabaseHoldsTheSecretsHashNeverTheSecret() {
        CreatedToken created = create("door-panel", "dock");
        List<String> stored = db.query(
                "SELECT id, secret_sha256, name, cameras, scopes, created_by FROM api_token",
                rs -> rs.getString(1)
                        + rs.getString(2)
                        + rs.getString(3)
                        + rs.getString(4)
                        + rs.getString(5)
                        + rs.getString(6));
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).contains(created.secret().substring(4)), "no secret in any column");
        assertTrue(stored.get(0).contains(TokenSecret.hash(created.secret())));
        assertFalse(created.toString().contains(created.secret()), "nor in its text");
    }

    @Test
    void aRevokedTokenIsNoLongerUsableButStaysListed() {
        CreatedToken created = create("door-panel", "dock");
        clock.advance(Duration.ofMinutes(1));
        ApiToken revoked = tokens.revoke(created.token().id(), "alice");
        assertEquals(clock.instant(), revoked.revoked());
        assertEquals("alice", revoked.revokedBy());
        assertTrue(tokens.usable(created.secret()).isEmpty());
        assertEquals(List.of(revoked), tokens.list());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(revoked, tokens.revoke(created.token().id(), "bob"), "revoked once");
        assertEquals(
                ErrorCode.TOKEN_NOT_FOUND,
                assertThrows(VigilException.class, () -> tokens.revoke("nope", "bob"))
                        .code());
    }

    @Test
    void aNameIsTakenForGoodRevokedOrNot() {
        CreatedToken first = create("door-panel", "dock");
        tokens.revoke(first.token().id(), "alice");
        VigilException again = assertThrows(VigilException.class, () -> create("door-panel", "gate"));
        assertEquals(ErrorCode.TOKEN_EXISTS, again.code());
    }

    @Test
    void theLastUseIsNotedToTheMinute() {
        CreatedToken created = create("door-panel", "dock");
        assertNull(tokens.get(created.token().id()).lastUsed());
        Instant first = clock.instant();
        tokens.usable(created.secret());
        clock.advance(Duration.ofSeconds(59));
        tokens.usable(created.secret());
        assertEquals(first, tokens.get(created.token().id()).lastUsed(), "not rewritten within a minute");
        clock.advance(Duration.ofSeconds(1));
        tokens.usable(created.secret());
        assertEquals(clock.instant(), tokens.get(created.token().id()).lastUsed());
    }
}
