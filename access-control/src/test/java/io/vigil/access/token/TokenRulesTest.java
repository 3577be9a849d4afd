package io.vigil.access.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.access.Permission;
import io.vigil.error.VigilException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an API token must be, and what its secret looks like. */
class TokenRulesTest {

    static Map<String, String> refusal(TokenRequest request) {
        return assertThrows(VigilException.class, () -> TokenRules.check(request))
                .fieldErrors();
    }

    @Test
    void aTokenHasANameCamerasAndScopes() {
        TokenRules.Checked checked = TokenRules.check(
                new TokenRequest(" door-panel ", List.of("dock", "gate", "dock"), List.of("events:write")));
        assertEquals(new TokenRules.Checked("door-panel", List.of("dock", "gate"), List.of("events:write")), checked);
    }

    @Test
    void eachFieldOutsideItsRuleIsNamed() {
        assertEquals(
                Set.of("name", "cameraIds", "scopes"),
                refusal(new TokenRequest("Door Panel", List.of(), List.of())).keySet());
        assertEquals(
                "must be 1-48 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
                refusal(new TokenRequest("x".repeat(49), List.of("dock"), List.of("events:write")))
                        .get("name"));
        assertEquals(
                "each is a camera id: must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit",
                refusal(new TokenRequest("panel", List.of("../x"), List.of("events:write")))
                        .get("cameraIds"));
        assertEquals(
                "name 1 to 256 cameras the token may act on",
                refusal(new TokenRequest("panel", Collections.nCopies(300, "dock"), List.of("events:write")))
                        .get("cameraIds"));
        assertEquals(
                "name what the token may do, of: events:write",
                refusal(new TokenRequest("panel", List.of("dock"), List.of("events:write", "users")))
                        .get("scopes"));
        assertEquals(Set.of("body"), refusal(null).keySet());
    }

    @Test
    void theEventsWriteScopeGrantsThatPermissionOnly() {
        ApiToken token = new ApiToken(
                "id", "panel", List.of("dock"), List.of("events:write"), "admin", Instant.EPOCH, null, null, null);
        assertTrue(token.may(Permission.EVENTS_WRITE));
        for (Permission p : Permission.values()) {
            assertEquals(p == Permission.EVENTS_WRITE, token.may(p), p.name());
        }
        assertEquals("token:panel", token.principal());
    }

    @Test
    void aSecretIsThePrefixAnd32RandomBytesAndIsFoundByItsHash() {
        SecureRandom random = new SecureRandom();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = TokenSecret.generate(random);
            assertTrue(TokenSecret.wellFormed(secret), secret.substring(0, 4));
            assertEquals(4 + 43, secret.length());
            secrets.add(secret);
        }
        assertEquals(100, secrets.size());
        assertFalse(TokenSecret.wellFormed("vgt_short"));
        assertFalse(TokenSecret.wellFormed("Bearer vgt_" + "a".repeat(43)));
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                TokenSecret.hash(""),
                "SHA-256, hex");
    }
}
