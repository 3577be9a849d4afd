package io.vigil.access.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void aConfiguredPublicUrlIsAnHttpOrHttpsOriginAndNothingMore() {
        String[][] accepted = {
            {"https://vigil.example.com", "https://vigil.example.com"},
            {"https://vigil.example.com/", "https://vigil.example.com"},
            {"http://192.0.2.7:8080", "http://192.0.2.7:8080"},
            {"HTTPS://Vigil.Example.COM:8443", "https://vigil.example.com:8443"},
            {"  https://[2001:db8::1]:8443 ", "https://[2001:db8::1]:8443"},
        };
        for (String[] row : accepted) {
            assertEquals(row[1], PublicUrl.parse(row[0]), row[0]);
        }
        String[][] refused = {
            {"ftp://vigil.example.com", "not http or https"},
            {"vigil.example.com:8443", "not http or https"},
            {"https://vigil.example.com/vigil", "path, query or fragment"},
            {"https://vigil.example.com?x=1", "path, query or fragment"},
            {"https://vigil.example.com#top", "path, query or fragment"},
            {"https://user:pw@vigil.example.com", "user info"},
            {"https://", "not a URL"},
            {"https://exa mple.com", "not a URL"},
        };
        for (String[] row : refused) {
            String message = assertThrows(IllegalArgumentException.class, () -> PublicUrl.parse(row[0]), row[0])
                    .getMessage();
            assertTrue(message.startsWith("vigil.http.public-url must be"), message);
            assertTrue(message.contains(row[1]), row[0] + ": " + message);
        }
    }

    @Test
    void aBadConfiguredPublicUrlStopsTheBeanAndSoTheStartUp() {
        // the bean is @Context: made while the service starts, which then fails with this message
        String message = assertThrows(
                        IllegalArgumentException.class, () -> new PublicUrl("https://vigil.example.com/x"))
                .getMessage();
        assertTrue(message.startsWith("vigil.http.public-url must be"), message);
        assertTrue(PublicUrl.class.isAnnotationPresent(io.micronaut.context.annotation.Context.class));
    }

    @Test
    void aConfiguredPublicUrlWinsOverTheRequest() {
        PublicUrl url = new PublicUrl("https://vigil.example.com:8443/");
        assertEquals(Optional.of("https://vigil.example.com:8443"), url.base(false, "127.0.0.1:8080"));
        assertEquals(Optional.of("https://vigil.example.com:8443"), url.base(false, null));
    }

    @Test
    void withoutOneTheRequestsSchemeAndHostAreUsedWhenTheHostIsAHost() {
        PublicUrl url = new PublicUrl("");
        assertEquals(Optional.of("http://127.0.0.1:8080"), url.base(false, "127.0.0.1:8080"));
        assertEquals(Optional.of("https://vigil.example.com"), url.base(true, "Vigil.Example.com"));
        assertEquals(Optional.of("http://[::1]:8080"), url.base(false, "[::1]:8080"));
        for (String host : new String[] {null, "", "evil.com/path", "a@b", "host:port", "x\r\nSet-Cookie: a=b"}) {
            assertEquals(Optional.empty(), url.base(false, host), String.valueOf(host));
        }
    }
}
