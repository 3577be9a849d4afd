package io.vigil.alerts.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.AlertTargets;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.camera.secret.CredentialCipher;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook targets through the API on a real database: kept encrypted, one name one target, the settings' left alone. */
class WebhookTargetsTest {

    static final String URL = "https://hooks.example.com/services/T0/B0/SECRET-TOKEN-123";

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final byte[] key = new byte[32];
    final WebhookRepository repository = new WebhookRepository(db, new CredentialCipher(() -> key, new SecureRandom()));
    final AlertTargets targets = new AlertTargets(
            List.of(new AlertTarget.Webhook("pager", WebhookTarget.of("https://pager.example.com/x"))),
            repository::all);
    final WebhookTargets webhooks =
            new WebhookTargets(repository, targets, new TestClock(Instant.parse("2026-12-07T12:00:00Z")));

    static ErrorCode code(Runnable r) {
        return assertThrows(VigilException.class, r::run).code();
    }

    @Test
    void aWebhookMadeThroughTheApiIsATargetAfterTheSettingsOnesAndItsUrlIsKeptEncrypted() {
        AlertTarget.Webhook ops = webhooks.create(new WebhookRequest("ops", URL), "admin");
        assertEquals("https://hooks.example.com:443", ops.origin());
        assertEquals(
                List.of("pager", "ops"),
                targets.all().stream().map(AlertTarget::name).toList());
        assertEquals(
                URL, ((AlertTarget.Webhook) targets.all().get(1)).url().url().toString(), "read back whole");
        String stored = db.query("SELECT url_encrypted FROM alert_webhook", rs -> rs.getString(1))
                .get(0);
        assertFalse(stored.contains("SECRET-TOKEN") || stored.contains("hooks.example.com"), stored);
        assertEquals("API", targets.shown().get(1).source());
        assertEquals("SETTINGS", targets.shown().get(0).source());
    }

    @Test
    void aNameIsOneTargetsOnlyAndTheSettingsNamesAreTaken() {
        webhooks.create(new WebhookRequest("ops", URL), "admin");
        assertEquals(ErrorCode.ALERT_TARGET_EXISTS, code(() -> webhooks.create(new WebhookRequest("ops", URL), "a")));
        for (String taken : List.of("webhook", "email", "pager")) {
            assertEquals(
                    ErrorCode.ALERT_TARGET_EXISTS, code(() -> webhooks.create(new WebhookRequest(taken, URL), "a")));
        }
    }

    @Test
    void onlyAnApiTargetIsDeletedThroughTheApi() {
        webhooks.create(new WebhookRequest("ops", URL), "admin");
        webhooks.delete("ops");
        assertEquals(
                List.of("pager"), targets.all().stream().map(AlertTarget::name).toList());
        assertEquals(ErrorCode.ALERT_TARGET_NOT_FOUND, code(() -> webhooks.delete("ops")));
        assertEquals(ErrorCode.ALERT_TARGET_IN_SETTINGS, code(() -> webhooks.delete("pager")));
        assertEquals(ErrorCode.ALERT_TARGET_IN_SETTINGS, code(() -> webhooks.delete("webhook")));
    }

    @Test
    void aBadRequestNamesEachFieldAndNeverRepeatsTheUrl() {
        VigilException e = assertThrows(
                VigilException.class,
                () -> webhooks.create(new WebhookRequest("Bad Name", "ftp://files.example.com/SECRET-TOKEN"), "a"));
        assertEquals(java.util.Set.of("name", "url"), e.fieldErrors().keySet());
        assertFalse(e.getMessage().contains("SECRET-TOKEN"), e.getMessage());
        assertTrue(
                e.fieldErrors().get("url").contains("http or https"),
                e.fieldErrors().toString());
        assertEquals(ErrorCode.VALIDATION_FAILED, code(() -> webhooks.create(null, "a")));
        assertEquals(List.of(), repository.all(), "nothing kept");
    }
}
