package io.vigil.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Access-control settings ({@code vigil.security.*}; e.g. {@code VIGIL_SECURITY_METRICS_TOKEN} from the environment).
 *
 * @param bcryptCost             bcrypt work factor of stored password hashes (each step doubles the time)
 * @param accessTokenTtl         how long a bearer token from {@code POST /login} works
 * @param refreshTokenTtl        how long its refresh token works (each refresh token works once)
 * @param tokenKeyFile           0600 file with the key that signs bearer tokens and share links, made on first use
 * @param metricsToken           a bearer token that may scrape {@code /metrics} without a user; null for none
 * @param auditRetentionDays     audit events are kept this many days, apart from footage retention
 * @param liveViewGap            a live view of the same camera by the same user and address within this time is
 *                               the same viewing session (one LIVE_VIEW audit event)
 * @param liveSegmentAge         segments younger than this count as live: roles without history may fetch them
 * @param maxShareValidity       the longest a share link may stay valid
 * @param loginAttempts          failed sign-ins per user before that user's sign-in is refused
 * @param loginAttemptsPerAddress failed sign-ins from one client address (any users) before it is refused
 * @param loginLockout           how long failed sign-ins are counted, and sign-in refused after too many
 * @param credentialCacheTtl     how long a checked HTTP Basic password is remembered (bcrypt is slow on purpose)
 * @param trustForwardedFor      take the client address from the first X-Forwarded-For hop (behind a proxy only)
 */
@ConfigurationProperties("vigil.security")
public record SecurityConfig(
        @Bindable(defaultValue = "12") int bcryptCost,
        @Bindable(defaultValue = "15m") Duration accessTokenTtl,
        @Bindable(defaultValue = "12h") Duration refreshTokenTtl,
        @Bindable(defaultValue = "data/token-signing.key") Path tokenKeyFile,
        @Nullable String metricsToken,
        @Bindable(defaultValue = "400") int auditRetentionDays,
        @Bindable(defaultValue = "2m") Duration liveViewGap,
        @Bindable(defaultValue = "10m") Duration liveSegmentAge,
        @Bindable(defaultValue = "30d") Duration maxShareValidity,
        @Bindable(defaultValue = "5") int loginAttempts,
        @Bindable(defaultValue = "20") int loginAttemptsPerAddress,
        @Bindable(defaultValue = "5m") Duration loginLockout,
        @Bindable(defaultValue = "5m") Duration credentialCacheTtl,
        @Bindable(defaultValue = "false") boolean trustForwardedFor) {

    public SecurityConfig {
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("vigil.security.bcrypt-cost must be 4..31");
        }
        requirePositive("access-token-ttl", accessTokenTtl);
        requirePositive("refresh-token-ttl", refreshTokenTtl);
        requirePositive("live-view-gap", liveViewGap);
        requirePositive("live-segment-age", liveSegmentAge);
        requirePositive("max-share-validity", maxShareValidity);
        requirePositive("login-lockout", loginLockout);
        if (credentialCacheTtl.isNegative()) {
            throw new IllegalArgumentException("vigil.security.credential-cache-ttl must not be negative");
        }
        if (auditRetentionDays < 1) {
            throw new IllegalArgumentException("vigil.security.audit-retention-days must be >= 1");
        }
        if (loginAttempts < 1 || loginAttemptsPerAddress < 1) {
            throw new IllegalArgumentException("vigil.security.login-attempts(-per-address) must be >= 1");
        }
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException("vigil.security.metrics-token must have at least 16 characters");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("vigil.security." + name + " must be positive");
        }
    }
}
