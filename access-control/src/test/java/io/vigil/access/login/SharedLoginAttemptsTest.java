package io.vigil.access.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throttle on a real database (H2, and PostgreSQL): two nodes count the same failures; races stay bounded. */
@Tag(TestDatabase.TAG)
class SharedLoginAttemptsTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));

    LoginThrottle node() {
        return new LoginThrottle(
                "user", 3, Duration.ofMinutes(5), clock, new SharedLoginAttempts(db, clock, Duration.ofMinutes(5)));
    }

    @Test
    void twoNodesShareOneBudget() {
        LoginThrottle a = node();
        LoginThrottle b = node();
        assertTrue(a.attempt("alice").isPresent());
        assertTrue(b.attempt("alice").isPresent());
        assertTrue(a.attempt("alice").isPresent());
        assertTrue(b.attempt("alice").isEmpty(), "the fourth guess is refused on the other node too");
        assertEquals(Duration.ofMinutes(5), a.blockedFor("alice").orElseThrow());
        assertTrue(b.attempt("bob").isPresent(), "keys are separate");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(b.attempt("alice").isPresent(), "the window passed");
    }

    @Test
    void aRightAttemptIsTakenBackAndOldRowsArePruned() {
        LoginThrottle a = node();
        String right = a.attempt("carol").orElseThrow();
        a.attempt("carol");
        a.forgive("carol", right);
        assertEquals(
                1,
                db.query("SELECT COUNT(*) FROM login_attempt", rs -> rs.getLong(1))
                        .get(0));
        clock.advance(Duration.ofMinutes(6));
        new SharedLoginAttempts(db, clock, Duration.ofMinutes(5)).prune();
        assertEquals(
                0,
                db.query("SELECT COUNT(*) FROM login_attempt", rs -> rs.getLong(1))
                        .get(0));
    }

    @Test
    void parallelGuessesOverSeveralNodesNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LoginThrottle node = node();
                guesses.add(() -> node.attempt("dave").isPresent());
            }
            int passed = 0;
            for (Future<Boolean> f : pool.invokeAll(guesses)) {
                passed += f.get() ? 1 : 0;
            }
            assertTrue(passed <= 3, passed + " of 16 parallel guesses got through a limit of 3");
        } finally {
            pool.shutdownNow();
        }
    }
}
