package io.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.plan.AlertRule;
import io.vigil.camera.CameraStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings: one URL turns the default rule on; nonsense is refused at start-up without repeating a secret. */
class AlertsConfigTest {

    static AlertsConfig config(String url, Duration answerTimeout) {
        return new AlertsConfig(
                url,
                "whsec_SECRETVALUE-0123456789",
                Path.of("data/webhook-secret"),
                Duration.ofSeconds(30),
                true,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                3,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                answerTimeout,
                8,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10));
    }

    @Test
    void theDefaultsMakeTheDefaultRuleAndPolicies() {
        AlertsConfig config = config("https://hooks.example.com/x/SECRETPATH", Duration.ofSeconds(10));
        assertEquals(
                "https://hooks.example.com:443", config.webhook().orElseThrow().origin());
        assertEquals(
                List.of(new AlertRule(
                        "camera-down",
                        Set.of(CameraStatus.State.OFFLINE, CameraStatus.State.UNAUTHORIZED),
                        30_000,
                        true)),
                config.rules());
        assertEquals(8, config.retry().maxAttempts());
        assertEquals(5_000, config.retry().firstRetryMillis());
        assertEquals(600_000, config.retry().maxRetryMillis());
        assertEquals(3, config.digest().minCameras());
        assertEquals(10_000, config.digest().windowMillis());
        assertFalse(config.toString().contains("SECRETPATH"), config.toString());
    }

    @Test
    void withoutAWebhookUrlThereAreNoAlerts() {
        assertTrue(config(null, Duration.ofSeconds(10)).webhook().isEmpty());
        assertTrue(config("  ", Duration.ofSeconds(10)).webhook().isEmpty());
    }

    @Test
    void nonsenseIsRefusedAndTheSecretNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> config("ftp://example.com/x", Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> config("https://example.com", Duration.ofMinutes(2)));
        assertFalse(
                config("https://example.com", Duration.ofSeconds(1)).toString().contains("SECRETVALUE"));
    }
}
