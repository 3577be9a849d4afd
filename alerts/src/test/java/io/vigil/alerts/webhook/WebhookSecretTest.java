package io.vigil.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.OwnerOnlyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook secret: configured, or generated once into an owner-only file; never shown. */
class WebhookSecretTest {

    @TempDir
    Path dir;

    @Test
    void withoutASetSecretOneIsGeneratedIntoAnOwnerOnlyFileAndKept() throws Exception {
        Path file = dir.resolve("data/webhook-secret");
        WebhookSecret first = WebhookSecret.resolve(null, file);
        assertEquals(OwnerOnlyFile.OWNER_ONLY, Files.getPosixFilePermissions(file));
        String text = Files.readString(file).strip();
        assertTrue(text.matches("whsec_[A-Za-z0-9_-]{43}"), text.length() + " characters");
        assertEquals(text, new String(first.keyBytes(), StandardCharsets.UTF_8));
        WebhookSecret again = WebhookSecret.resolve("", file);
        assertEquals(text, new String(again.keyBytes(), StandardCharsets.UTF_8), "read back on the next start");
    }

    @Test
    void aSetSecretWinsOverTheFile() {
        WebhookSecret set = WebhookSecret.resolve("a-configured-secret-1", dir.resolve("unused"));
        assertEquals("a-configured-secret-1", new String(set.keyBytes(), StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("unused")));
    }

    @Test
    void theSecretIsNeverShownNorInAnError() {
        assertEquals(
                "WebhookSecret[hidden]",
                WebhookSecret.of("a-configured-secret-1").toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WebhookSecret.of("SHORTSECRET"));
        assertFalse(e.getMessage().contains("SHORTSECRET"), e.getMessage());
    }
}
