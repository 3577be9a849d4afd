package io.vigil.access.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.vigil.access.ClientAddress;
import io.vigil.access.SecurityConfig;
import io.vigil.access.audit.AuditAction;
import io.vigil.access.audit.AuditEvent;
import io.vigil.access.audit.AuditLog;
import io.vigil.access.rule.AccessRule;
import io.vigil.access.user.User;
import io.vigil.access.user.Users;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for browsers and API clients: {@code POST /login} trades a username and password for a short-lived
 * bearer token (a JWT) and a refresh token; {@code POST /login/refresh} trades the refresh token for new ones;
 * {@code POST /logout} ends the refresh token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {

    private final SignIn signIn;
    private final Users users;
    private final RefreshTokens refreshTokens;
    private final TokenGenerator generator;
    private final SecurityConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public LoginController(
            SignIn signIn,
            Users users,
            RefreshTokens refreshTokens,
            TokenGenerator generator,
            SecurityConfig config,
            AuditLog audit,
            Clock clock) {
        this.signIn = signIn;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.generator = generator;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Post("/login")
    public HttpResponse<Tokens> login(HttpRequest<?> request, @Nullable @Body Credentials credentials) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw VigilException.invalid(Map.of("body", "{\"username\": ..., \"password\": ...} is required"));
        }
        String address = ClientAddress.of(request, config.trustForwardedFor());
        User user = signIn.check(credentials.username(), credentials.password(), address, "login");
        audit.record(AuditEvent.builder(AuditAction.LOGIN, clock.instant())
                .user(user.username(), user.role().id())
                .client(address)
                .detail("POST /login")
                .build());
        return withCookie(request, tokensFor(user));
    }

    @Post("/login/refresh")
    public HttpResponse<Tokens> refresh(HttpRequest<?> request, @Nullable @Body RefreshRequest body) {
        if (body == null || body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw VigilException.invalid(Map.of("refresh_token", "is required"));
        }
        String username = refreshTokens
                .use(body.refreshToken())
                .orElseThrow(() -> new VigilException(
                        ErrorCode.UNAUTHENTICATED, "the refresh token is unknown, used or expired: sign in again"));
        User user = users.find(username)
                .orElseThrow(() ->
                        new VigilException(ErrorCode.UNAUTHENTICATED, "the refresh token's user no longer exists"));
        return withCookie(request, tokensFor(user));
    }

    @Post("/logout")
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body RefreshRequest body) {
        refreshTokens.use(body == null ? null : body.refreshToken());
        return HttpResponse.noContent().cookie(MediaCookie.cleared(request));
    }

    /** The answer, with the bearer token also as the media cookie for players that cannot send headers. */
    private HttpResponse<Tokens> withCookie(HttpRequest<?> request, Tokens tokens) {
        return HttpResponse.ok(tokens).cookie(MediaCookie.of(request, tokens.accessToken(), config.accessTokenTtl()));
    }

    private Tokens tokensFor(User user) {
        long seconds = config.accessTokenTtl().toSeconds();
        Authentication authentication = Authentication.build(
                user.username(),
                List.of(user.role().id()),
                Map.of(AccessRule.PASSWORD_VERSION, AccessRule.passwordVersion(user)));
        String access = generator
                .generateToken(authentication, (int) seconds)
                .orElseThrow(() -> new IllegalStateException("no bearer token generated"));
        return new Tokens(
                access,
                refreshTokens.issue(user.username(), config.refreshTokenTtl()),
                "Bearer",
                seconds,
                user.username(),
                user.role().id(),
                user.role().permissionIds());
    }
}
