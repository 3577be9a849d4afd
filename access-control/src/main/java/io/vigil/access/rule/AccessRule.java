package io.vigil.access.rule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.vigil.access.Caller;
import io.vigil.access.Denial;
import io.vigil.access.Permission;
import io.vigil.access.SecurityConfig;
import io.vigil.access.login.MediaCookie;
import io.vigil.access.share.ShareLinks;
import io.vigil.access.token.ApiTokens;
import io.vigil.access.user.User;
import io.vigil.access.user.Users;
import io.vigil.archive.index.Segment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.error.ErrorCode;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one security rule: finds the route's {@link RouteRule}, then the caller (a user from the users table, a
 * share link, or an API token), and allows the request only if the caller's role has the permission, the camera is on
 * the caller's allow-list, (for a share link, {@link ShareLinkAccess}) the request asks for exactly what the link
 * opens, and (for an API token, {@link ApiTokenAccess}) its scopes grant the route's permission.
 */
@Singleton
public class AccessRule implements SecurityRule<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRule.class);
    public static final String PASSWORD_VERSION = "pv";

    private final Users users;
    private final ShareLinkAccess shareLinks;
    private final ApiTokenAccess apiTokens;
    private final ArchiveReader archive;
    private final SecurityConfig config;
    private final Clock clock;
    private final Scheduler blocking;

    public AccessRule(
            Users users,
            ShareLinks shares,
            ApiTokens tokens,
            ArchiveReader archive,
            SecurityConfig config,
            Clock clock,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.archive = archive;
        this.users = users;
        this.shareLinks = new ShareLinkAccess(users, shares);
        this.apiTokens = new ApiTokenAccess(tokens);
        this.config = config;
        this.clock = clock;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return -1000;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        return Mono.fromCallable(() -> decide(request, authentication)).subscribeOn(blocking);
    }

    /** The camera a route's path names, or null. */
    public static String cameraId(String template, Map<String, Object> variables) {
        return template.startsWith("/api/cameras/{id}") ? String.valueOf(variables.get("id")) : null;
    }

    /** The key of a route in {@link RouteRules}: method and template, optional parts like {@code {/selector}} dropped. */
    public static String template(UriRouteMatch<?, ?> match) {
        return match.getRouteInfo().getUriMatchTemplate().toPathString().replaceAll("\\{/[^}]*}", "");
    }

    SecurityRuleResult decide(HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> (UriRouteMatch<?, ?>) m);
        if (match.isEmpty()) {
            return SecurityRuleResult.ALLOWED; // no route: the router answers 404 or 405
        }
        String template = template(match.get());
        Optional<RouteRule> found = RouteRules.find(request.getMethodName(), template);
        if (found.isEmpty()) {
            LOG.error("no access rule for {} {}: refused to everyone", request.getMethodName(), template);
            return deny(request, ErrorCode.FORBIDDEN, "this route has no access rule");
        }
        RouteRule rule = found.get();
        Map<String, Object> variables = match.get().getVariableValues();
        String cameraId = cameraId(template, variables);
        String shareToken = request.getParameters().get("share");
        if (shareToken != null && rule.share() != RouteRule.ShareUse.NO) {
            return viaShare(request, rule, cameraId, variables, shareToken);
        }
        Optional<String> apiToken = ApiTokenAccess.secret(request);
        if (apiToken.isPresent()) {
            return rule.permission() == Permission.PUBLIC
                    ? SecurityRuleResult.ALLOWED
                    : apiTokens
                            .refusal(request, rule, cameraId, apiToken.get())
                            .map(denial -> deny(request, denial.code(), denial.message()))
                            .orElse(SecurityRuleResult.ALLOWED);
        }
        Optional<User> user = authentication == null ? Optional.empty() : current(request, authentication);
        user.map(Caller::of).ifPresent(c -> c.attachTo(request));
        if (rule.permission() == Permission.PUBLIC) {
            return SecurityRuleResult.ALLOWED;
        }
        if (rule.permission() == Permission.METRICS && metricsToken(request)) {
            return SecurityRuleResult.ALLOWED;
        }
        if (user.isEmpty() && authentication == null && shareToken != null) {
            return deny(request, ErrorCode.FORBIDDEN, "a share link opens its playlist, segments and clip only");
        }
        if (user.isEmpty()) {
            if (Denial.of(request).isEmpty()) {
                deny(
                        request,
                        ErrorCode.UNAUTHENTICATED,
                        authentication == null
                                ? "sign in: HTTP Basic, or a bearer token from POST /login"
                                : "the token's user no longer exists");
            }
            return SecurityRuleResult.REJECTED;
        }
        User u = user.get();
        if (MediaCookie.used(request)
                && rule.share() == RouteRule.ShareUse.NO
                && rule.permission() != Permission.LIVE) {
            return deny(
                    request,
                    ErrorCode.FORBIDDEN,
                    "the media cookie opens playlists, segments and clips only: "
                            + "send the bearer token in the Authorization header");
        }
        if (!u.role().may(rule.permission())) {
            return deny(
                    request, ErrorCode.FORBIDDEN, "role " + u.role().id() + " may not " + describe(request, template));
        }
        if (cameraId != null && !u.sees(cameraId)) {
            return deny(request, ErrorCode.FORBIDDEN, "user " + u.username() + " may not see camera " + cameraId);
        }
        if (u.cameras() != null
                && (rule.permission() == Permission.RETENTION_READ || rule.permission() == Permission.RETENTION_RUN)) {
            return deny(
                    request,
                    ErrorCode.FORBIDDEN,
                    "retention covers every camera; user " + u.username() + " sees some only");
        }
        if (rule.share() == RouteRule.ShareUse.SEGMENT && !u.role().may(Permission.HISTORY)) {
            Optional<Segment> segment = segment(cameraId, variables);
            Instant liveSince = clock.instant().minus(config.liveSegmentAge());
            if (segment.isPresent() && segment.get().start().isBefore(liveSince)) { // absent: the answer is 404
                return deny(
                        request,
                        ErrorCode.FORBIDDEN,
                        "role " + u.role().id() + " may fetch live segments only; this one is older than "
                                + config.liveSegmentAge());
            }
        }
        return SecurityRuleResult.ALLOWED;
    }

    private Optional<User> current(HttpRequest<?> request, Authentication authentication) {
        Optional<User> user = users.find(authentication.getName());
        if (user.isPresent() && !"basic".equals(authentication.getAttributes().get("via"))) {
            Object version = authentication.getAttributes().get(PASSWORD_VERSION);
            if (!passwordVersion(user.get()).equals(version)) {
                deny(
                        request,
                        ErrorCode.UNAUTHENTICATED,
                        "the password changed since this token was issued: sign in again");
                return Optional.empty();
            }
        }
        return user;
    }

    private SecurityRuleResult viaShare(
            HttpRequest<?> request, RouteRule rule, String cameraId, Map<String, Object> variables, String token) {
        return shareLinks
                .refusal(request, rule, cameraId, token, () -> segment(cameraId, variables))
                .map(why -> deny(request, ErrorCode.FORBIDDEN, why))
                .orElse(SecurityRuleResult.ALLOWED);
    }

    /** The segment a path names, from the index or, not yet uploaded, the spool. */
    private Optional<Segment> segment(String cameraId, Map<String, Object> variables) {
        long sequence;
        try {
            sequence = Long.parseLong(String.valueOf(variables.get("sequence")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return archive.find(cameraId, sequence);
    }

    private boolean metricsToken(HttpRequest<?> request) {
        String expected = config.metricsToken();
        String header = request.getHeaders().getAuthorization().orElse("");
        return expected != null
                && header.startsWith("Bearer ")
                && MessageDigest.isEqual(
                        header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8));
    }

    /** A short fingerprint of the password hash, carried by bearer tokens so a new password ends old tokens. */
    public static String passwordVersion(User user) {
        return io.vigil.kernel.Sha256.hex(user.passwordHash().getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
    }

    private static String describe(HttpRequest<?> request, String template) {
        return request.getMethodName() + " " + template;
    }

    private static SecurityRuleResult deny(HttpRequest<?> request, ErrorCode code, String message) {
        Denial.of(code, message).attachTo(request);
        return SecurityRuleResult.REJECTED;
    }
}
