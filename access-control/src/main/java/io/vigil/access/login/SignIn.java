package io.vigil.access.login;

import io.vigil.access.SecurityConfig;
import io.vigil.access.audit.AuditAction;
import io.vigil.access.audit.AuditEvent;
import io.vigil.access.audit.AuditLog;
import io.vigil.access.user.PasswordHasher;
import io.vigil.access.user.User;
import io.vigil.access.user.Users;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a username and password, for {@code POST /login} and for HTTP Basic. Failures are audited
 * ({@code LOGIN_FAILED}) and counted per user and, with a higher limit, per client address ({@link LoginThrottle}), so
 * one user's guesser is stopped without locking out an office behind one NAT address; a checked Basic
 * password is remembered for a few minutes so a player fetching segments does not pay bcrypt on each one. The
 * throttle is asked first, always: while a user or an address is locked out, a remembered password is refused
 * too, so a guesser's right guess is never accepted at the speed of a cache. A remembered password is not an
 * attempt: it counts neither for nor against anyone.
 */
@Singleton
public class SignIn {

    private record Remembered(String passwordHash, Instant until) {}

    private final Users users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration rememberFor;
    private final LoginThrottle perUser;
    private final LoginThrottle perAddress;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Keeps the remembered entries' keys from being plain password hashes. */
    private final String salt = java.util.UUID.randomUUID().toString();

    public SignIn(
            Users users,
            PasswordHasher hasher,
            AuditLog audit,
            Clock clock,
            SecurityConfig config,
            SharedLoginAttempts attempts) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.rememberFor = config.credentialCacheTtl();
        this.perUser = new LoginThrottle("user", config.loginAttempts(), config.loginLockout(), clock, attempts);
        this.perAddress =
                new LoginThrottle("address", config.loginAttemptsPerAddress(), config.loginLockout(), clock, attempts);
    }

    /**
     * The user whose password this is. Throws {@code TOO_MANY_ATTEMPTS} while the user or the address is
     * locked out, {@code UNAUTHENTICATED} (naming neither which part was wrong) otherwise.
     */
    public User check(String username, String password, String clientAddress, String via) {
        String typed = username == null ? "" : username.trim();
        // names that cannot exist share one bucket: the throttle's memory stays bounded by real names
        String name = User.USERNAME.matcher(typed).matches() ? typed : "(invalid)";
        Optional<User> user = users.find(name);
        // the throttle decides first, always: a locked-out user or address is refused even a remembered password
        Optional<Duration> locked = perUser.blockedFor(name).or(() -> perAddress.blockedFor(clientAddress));
        if (locked.isPresent()) {
            throw refused(user, clientAddress, via, locked.get());
        }
        String cacheKey =
                name + "\0" + Sha256.hex((salt + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        Remembered r = remembered.get(cacheKey);
        Instant now = clock.instant();
        if (user.isPresent()
                && r != null
                && r.until().isAfter(now)
                && r.passwordHash().equals(user.get().passwordHash())) {
            return user.get(); // a password checked before: no bcrypt, and nothing counted against the user or address
        }
        Optional<String> userAttempt = perUser.attempt(name);
        Optional<String> addressAttempt = userAttempt.isEmpty() ? Optional.empty() : perAddress.attempt(clientAddress);
        if (userAttempt.isEmpty() || addressAttempt.isEmpty()) {
            userAttempt.ifPresent(a -> perUser.forgive(name, a));
            Duration wait = perUser.blockedFor(name)
                    .or(() -> perAddress.blockedFor(clientAddress))
                    .orElse(Duration.ofSeconds(1));
            throw refused(user, clientAddress, via, wait);
        }
        if (!hasher.matches(password, user.map(User::passwordHash).orElse(null))) {
            remembered.remove(cacheKey);
            record(user, clientAddress, 401, via + ": wrong username or password");
            throw new VigilException(ErrorCode.UNAUTHENTICATED, "wrong username or password");
        }
        perUser.forgive(name, userAttempt.get());
        perAddress.forgive(clientAddress, addressAttempt.get());
        if (!rememberFor.isZero()) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(cacheKey, new Remembered(user.get().passwordHash(), now.plus(rememberFor)));
        }
        return user.get();
    }

    /** The 429 of a locked-out user or address, audited. */
    private VigilException refused(Optional<User> user, String clientAddress, String via, Duration wait) {
        record(user, clientAddress, 429, via + ": refused, too many failed sign-ins");
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new VigilException(
                ErrorCode.TOO_MANY_ATTEMPTS,
                "too many failed sign-ins; try again in " + seconds + " s",
                Map.of("retryAfterSeconds", Long.toString(seconds)),
                null);
    }

    /** Failed sign-ins name the user only if it exists: a password typed into the name field stays out of the log. */
    private void record(Optional<User> user, String clientAddress, int status, String detail) {
        audit.record(AuditEvent.builder(AuditAction.LOGIN_FAILED, clock.instant())
                .user(
                        user.map(User::username).orElse("(unknown user)"),
                        user.map(u -> u.role().id()).orElse(null))
                .client(clientAddress)
                .status(status)
                .detail(detail)
                .build());
    }
}
