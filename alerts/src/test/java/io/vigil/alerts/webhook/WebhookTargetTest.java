package io.vigil.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs: http or https with a host only, shown by their origin so a secret in the path never shows. */
class WebhookTargetTest {

    @ParameterizedTest
    @CsvSource({
        "https://hooks.example.com/services/T0/B0/SECRETPATH, https://hooks.example.com:443",
        "http://127.0.0.1:8123/alerts?token=SECRETQUERY, http://127.0.0.1:8123",
        "HTTPS://Hooks.Example.COM:8443/x, https://hooks.example.com:8443",
        "http://[::1]:9000/x, http://[::1]:9000"
    })
    void aTargetIsShownByItsOriginOnly(String url, String origin) {
        WebhookTarget target = WebhookTarget.of(url);
        assertEquals(origin, target.origin());
        assertEquals("webhook " + origin, target.toString());
        assertFalse(target.toString().contains("SECRET"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "ftp://example.com/x",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "/relative/path",
                "https:///no-host",
                "https://user:SECRETPASS@example.com/x",
                "https://example.com/x#frag",
                "https://exa mple.com/x"
            })
    void aTargetThatIsNotAPlainHttpOrHttpsUrlIsRefusedWithoutRepeatingIt(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookTarget.of(url));
        assertFalse(e.getMessage().contains("SECRETPASS"), e.getMessage());
        assertFalse(e.getMessage().contains("/x"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aTooLongUrlIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookTarget.of("https://example.com/" + "a".repeat(WebhookTarget.MAX_LENGTH)));
    }
}
