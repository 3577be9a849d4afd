package io.vigil.access.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.vigil.access.Caller;
import io.vigil.access.Denial;
import io.vigil.access.token.ApiTokens;
import io.vigil.access.token.CreatedToken;
import io.vigil.access.token.TokenRules;
import io.vigil.error.ErrorCode;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an API token opens, on a real database: the routes its scopes grant, for its cameras; its caller is
 * {@code token:<name>} with those cameras, which the camera scope answers by; unknown or revoked is unauthenticated.
 */
@Tag(TestDatabase.TAG)
class ApiTokenAccessTest {

    final ApiTokens tokens = new ApiTokens(
            new Database(TestDatabase.migrated(TestDatabase.fresh())),
            new TestClock(Instant.parse("2026-12-07T10:00:00Z")));
    final ApiTokenAccess access = new ApiTokenAccess(tokens);
    final CreatedToken panel =
            tokens.create(new TokenRules.Checked("door-panel", List.of("dock"), List.of("events:write")), "admin");

    static RouteRule rule(String method, String template) {
        return RouteRules.find(method, template).orElseThrow();
    }

    Optional<Denial> refusal(HttpRequest<?> request, String method, String template, String cameraId) {
        return access.refusal(
                request,
                rule(method, template),
                cameraId,
                ApiTokenAccess.secret(request).orElseThrow());
    }

    HttpRequest<?> with(String secret) {
        return HttpRequest.POST("/api/events", "{}").header("Authorization", "Bearer " + secret);
    }

    @Test
    void aTokenPostsEventsAsItselfForItsCamerasOnly() {
        HttpRequest<?> request = with(panel.secret());
        assertEquals(Optional.empty(), refusal(request, "POST", "/api/events", null));
        Caller caller = Caller.of(request).orElseThrow();
        assertEquals("token:door-panel", caller.name());
        assertEquals(null, caller.role());
        CallerCameraScope scope = new CallerCameraScope();
        assertTrue(scope.allows(request, "dock"));
        assertFalse(scope.allows(request, "gate"), "the events controller's question about a body's camera");
        assertEquals("token:door-panel", new CallerPrincipal().name(request));
    }

    @Test
    void aTokenOpensNoRouteItsScopesDoNotGrantNorAnotherCamerasPath() {
        for (String[] route : List.of(
                new String[] {"GET", "/api/events"},
                new String[] {"GET", "/api/holds"},
                new String[] {"POST", "/api/tokens"},
                new String[] {"GET", "/api/cameras/{id}/timeline"},
                new String[] {"GET", "/api/users"})) {
            Denial denial =
                    refusal(with(panel.secret()), route[0], route[1], null).orElseThrow();
            assertEquals(ErrorCode.FORBIDDEN, denial.code(), route[1]);
            assertEquals("API token door-panel may only events:write", denial.message());
        }
    }

    @Test
    void anUnknownOrRevokedTokenIsUnauthenticatedAndNoCaller() {
        HttpRequest<?> unknown = with("vgt_" + "A".repeat(43));
        assertEquals(
                ErrorCode.UNAUTHENTICATED,
                refusal(unknown, "POST", "/api/events", null).orElseThrow().code());
        assertTrue(Caller.of(unknown).isEmpty());
        tokens.revoke(panel.token().id(), "admin");
        HttpRequest<?> revoked = with(panel.secret());
        Denial denial = refusal(revoked, "POST", "/api/events", null).orElseThrow();
        assertEquals(ErrorCode.UNAUTHENTICATED, denial.code());
        assertFalse(denial.message().contains(panel.secret()), "the answer never holds the secret");
    }

    @Test
    void onlyABearerWithTheTokensPrefixIsAnApiToken() {
        assertEquals(Optional.empty(), ApiTokenAccess.secret(HttpRequest.GET("/api/events")));
        assertEquals(
                Optional.empty(),
                ApiTokenAccess.secret(HttpRequest.GET("/api/events").header("Authorization", "Bearer eyJhbGciOi")));
        assertEquals(
                Optional.of(panel.secret()),
                ApiTokenAccess.secret(HttpRequest.GET("/").header("Authorization", "Bearer " + panel.secret())));
    }
}
