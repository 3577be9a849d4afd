package io.vigil.access.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    private static final String HOST = "vigil.example:8080";

    @Test
    void aBrowserPageOfAnotherSiteMayNotChangeAnything() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            for (String site : new String[] {"cross-site", "same-site", "Cross-Site", "something-new"}) {
                assertTrue(CrossSiteRequests.refusal(method, site, null, HOST).isPresent(), method + " " + site);
            }
            for (String origin : new String[] {
                "http://evil.example",
                "null",
                "http://vigil.example:8081",
                "http://vigil.example",
                "https://vigil.example",
                "file://",
                "http://vigil.example.evil.test:8080",
                "not a url at all",
                ""
            }) {
                assertTrue(CrossSiteRequests.refusal(method, null, origin, HOST).isPresent(), method + " " + origin);
            }
            assertTrue(
                    CrossSiteRequests.refusal(method, null, "http://vigil.example:8080", null)
                            .isPresent(),
                    "no Host to compare");
        }
        assertEquals(
                Optional.of("a page of another site (Sec-Fetch-Site: cross-site) may not change anything here"),
                CrossSiteRequests.refusal("POST", "cross-site", "http://evil.example", HOST));
    }

    @Test
    void itsOwnPagesOtherClientsAndReadsGoOn() {
        assertEquals(
                Optional.empty(), CrossSiteRequests.refusal("POST", "same-origin", "http://vigil.example:8080", HOST));
        assertEquals(Optional.empty(), CrossSiteRequests.refusal("POST", "none", null, HOST), "typed by the user");
        assertEquals(Optional.empty(), CrossSiteRequests.refusal("POST", null, "http://VIGIL.example:8080", HOST));
        assertEquals(
                Optional.empty(), CrossSiteRequests.refusal("DELETE", null, "http://vigil.example", "vigil.example"));
        assertEquals(
                Optional.empty(), CrossSiteRequests.refusal("PUT", null, "https://vigil.example", "vigil.example:443"));
        assertEquals(Optional.empty(), CrossSiteRequests.refusal("POST", null, "http://[::1]:8080", "[::1]:8080"));
        assertEquals(Optional.empty(), CrossSiteRequests.refusal("POST", null, null, HOST), "curl, scripts, players");
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertEquals(
                    Optional.empty(),
                    CrossSiteRequests.refusal(method, "cross-site", "http://evil.example", HOST),
                    method);
        }
    }
}
