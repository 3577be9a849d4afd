package io.vigil.access.rule;

import io.micronaut.http.HttpRequest;
import io.vigil.access.Caller;
import io.vigil.access.Denial;
import io.vigil.access.token.ApiToken;
import io.vigil.access.token.ApiTokens;
import io.vigil.access.token.TokenSecret;
import io.vigil.error.ErrorCode;
import java.util.Optional;

/**
 * What an API token opens: a usable (known, not revoked) token may call only the routes its scopes grant, and
 * only for its cameras (a camera in the path here; one in a body through the {@code CameraScope} its {@link Caller}
 * answers). {@link AccessRule}'s part for requests with {@code Authorization: Bearer vgt_...}.
 */
final class ApiTokenAccess {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    ApiTokenAccess(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The API token secret the request carries, if its bearer token has a token's prefix. */
    static Optional<String> secret(HttpRequest<?> request) {
        return request.getHeaders()
                .getAuthorization()
                .filter(h -> h.startsWith(BEARER + TokenSecret.PREFIX))
                .map(h -> h.substring(BEARER.length()).trim());
    }

    /**
     * Why the token does not open this request, or empty if it does. A usable token is left on the request as its
     * {@link Caller}, so its refusals and its answers are the token's in the audit log.
     */
    Optional<Denial> refusal(HttpRequest<?> request, RouteRule rule, String cameraId, String secret) {
        Optional<ApiToken> found = tokens.usable(secret);
        if (found.isEmpty()) {
            return Optional.of(Denial.of(ErrorCode.UNAUTHENTICATED, "the API token is not valid: unknown or revoked"));
        }
        ApiToken token = found.get();
        Caller.of(token).attachTo(request);
        if (!token.may(rule.permission())) {
            return Optional.of(Denial.of(
                    ErrorCode.FORBIDDEN,
                    "API token " + token.name() + " may only " + String.join(", ", token.scopes())));
        }
        if (cameraId != null && !token.cameraIds().contains(cameraId)) {
            return Optional.of(
                    Denial.of(ErrorCode.FORBIDDEN, "API token " + token.name() + " may not act on camera " + cameraId));
        }
        return Optional.empty();
    }
}
