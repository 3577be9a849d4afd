package io.vigil.access.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.access.SecurityConfig;
import io.vigil.access.audit.AuditLog;
import io.vigil.access.user.PasswordHasher;
import io.vigil.access.user.UserChange;
import io.vigil.access.user.UserRequest;
import io.vigil.access.user.Users;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sign-in check with its throttle and remembered passwords, on a real (H2) users table: the throttle decides
 * before the remembered-password shortcut, and a remembered password spares bcrypt without counting as an attempt.
 */
class SignInTest {

    private static final String RIGHT = "right-pass-123";
    private static final String PLAYER = "10.0.0.5";
    private static final String GUESSER = "10.0.0.66";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordHasher hasher = new PasswordHasher(4) {
        @Override
        public boolean matches(String password, String hash) {
            bcryptChecks.incrementAndGet();
            return super.matches(password, hash);
        }
    };
    private final Users users = new Users(db, hasher, clock);
    private final SecurityConfig config = new SecurityConfig(
            4,
            Duration.ofMinutes(15),
            Duration.ofHours(12),
            Path.of("unused"),
            null,
            400,
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofDays(30),
            5,
            20,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            false);
    private final SignIn signIn =
            new SignIn(users, hasher, new AuditLog(db), clock, config, new SharedLoginAttempts(db, clock, config));

    SignInTest() {
        users.create(new UserRequest("carol", RIGHT, "auditor", null), "api");
    }

    @Test
    void aLockedOutUserIsRefusedEvenTheRememberedRightPassword() {
        assertEquals("carol", signIn.check("carol", RIGHT, PLAYER, "basic").username());
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    "carol",
                    signIn.check("carol", RIGHT, PLAYER, "basic").username(),
                    "the player goes on, remembered");
            VigilException wrong = assertThrows(
                    VigilException.class, () -> signIn.check("carol", "guess-" + System.nanoTime(), GUESSER, "basic"));
            assertEquals(ErrorCode.UNAUTHENTICATED, wrong.code(), "guess " + i);
        }
        VigilException fromGuesser =
                assertThrows(VigilException.class, () -> signIn.check("carol", RIGHT, GUESSER, "basic"));
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, fromGuesser.code(), "the right guess after the lock-out");
        VigilException fromPlayer =
                assertThrows(VigilException.class, () -> signIn.check("carol", RIGHT, PLAYER, "basic"));
        assertEquals(
                ErrorCode.TOO_MANY_ATTEMPTS, fromPlayer.code(), "the user is locked out: the remembered password too");
        assertEquals("300", fromPlayer.fieldErrors().get("retryAfterSeconds"));

        clock.advance(Duration.ofMinutes(5));
        int before = bcryptChecks.get();
        assertEquals("carol", signIn.check("carol", RIGHT, PLAYER, "basic").username(), "the lock-out is over");
        assertEquals(before, bcryptChecks.get(), "and the remembered password is still remembered");
    }

    @Test
    void aLockedOutAddressIsRefusedTheRememberedPasswordOfAnyUser() {
        users.create(new UserRequest("dave", RIGHT, "viewer", null), "api");
        assertEquals("dave", signIn.check("dave", RIGHT, GUESSER, "basic").username());
        for (int i = 0; i < 20; i++) {
            String name = "someone-" + i;
            assertThrows(VigilException.class, () -> signIn.check(name, "guess-1234", GUESSER, "basic"));
        }
        VigilException refused =
                assertThrows(VigilException.class, () -> signIn.check("dave", RIGHT, GUESSER, "basic"));
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refused.code());
        assertEquals(
                "carol", signIn.check("carol", RIGHT, PLAYER, "basic").username(), "other addresses are not affected");
    }

    @Test
    void aRememberedPasswordSparesBcryptAndIsNeverCounted() {
        assertEquals("carol", signIn.check("carol", RIGHT, PLAYER, "basic").username());
        assertEquals(1, bcryptChecks.get());
        for (int i = 0; i < 50; i++) {
            assertEquals("carol", signIn.check("carol", RIGHT, PLAYER, "basic").username());
        }
        assertEquals(1, bcryptChecks.get(), "remembered: one bcrypt check for 51 requests");
        assertEquals(
                0L,
                db.query("SELECT COUNT(*) FROM login_attempt", rs -> rs.getLong(1))
                        .get(0),
                "right passwords, remembered or not, leave no attempt counted");
        for (int i = 0; i < 4; i++) {
            assertThrows(VigilException.class, () -> signIn.check("carol", "guess-5678", GUESSER, "basic"));
        }
        assertEquals(
                "carol", signIn.check("carol", RIGHT, PLAYER, "basic").username(), "four failures: not yet locked");
        assertThrows(VigilException.class, () -> signIn.check("carol", "guess-5678", GUESSER, "basic"));
        assertEquals(
                ErrorCode.TOO_MANY_ATTEMPTS,
                assertThrows(VigilException.class, () -> signIn.check("carol", RIGHT, PLAYER, "basic"))
                        .code(),
                "the fifth failure locks, whatever came between");
    }

    @Test
    void aChangedPasswordIsNotRemembered() {
        assertEquals("carol", signIn.check("carol", RIGHT, PLAYER, "basic").username());
        users.update("carol", new UserChange(null, "new-pass-4567", null, false, null), "api");
        assertEquals(
                ErrorCode.UNAUTHENTICATED,
                assertThrows(VigilException.class, () -> signIn.check("carol", RIGHT, PLAYER, "basic"))
                        .code());
    }
}
