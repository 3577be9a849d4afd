package io.vigil.alerts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.DigestPolicy;
import io.vigil.alerts.plan.FaultRule;
import io.vigil.alerts.webhook.WebhookTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The alerts' settings ({@code vigil.alerts.*}). With {@code webhook-url} alone the default rule is on: a camera
 * OFFLINE or UNAUTHORIZED for {@code down-delay} (30 s) fires, its return to RECORDING recovers.
 *
 * @param webhookUrl         where alerts are POSTed (env {@code VIGIL_ALERTS_WEBHOOK_URL}); none: no webhook (and,
 *                           without {@code vigil.alerts.email.host} either, no alerts)
 * @param webhookSecret      the webhook secret; unset: {@code webhook-secret-file}'s, generated there if missing
 * @param webhookSecretFile  where the generated secret is kept (0600)
 * @param downDelay          how long a camera is OFFLINE or UNAUTHORIZED before its alert fires
 * @param recovery           whether its return to RECORDING (a fault's end) sends a recovery
 * @param faultDelay         how long a service fault (the store unreachable, a spool failing or filling) is seen
 *                           before its alert fires
 * @param checkInterval      how often the cameras' states are checked
 * @param digestMinCameras   this many cameras or more falling due in one alert check go out as one digest
 * @param digestWindow       how long a due condition waits for cameras that went down within that time of it
 * @param connectTimeout     a webhook's or the SMTP server's connection timeout
 * @param answerTimeout      how long an attempt waits for the webhook's answer (for e-mail: each SMTP answer)
 * @param maxAttempts        attempts per delivery before it is FAILED
 * @param firstRetry         the wait before the second attempt; each next wait doubles
 * @param maxRetry           the longest wait between attempts
 */
@ConfigurationProperties("vigil.alerts")
public record AlertsConfig(
        @Nullable String webhookUrl,
        @Nullable String webhookSecret,
        @Bindable(defaultValue = "data/webhook-secret") Path webhookSecretFile,
        @Bindable(defaultValue = "30s") Duration downDelay,
        @Bindable(defaultValue = "true") boolean recovery,
        @Bindable(defaultValue = "30s") Duration faultDelay,
        @Bindable(defaultValue = "5s") Duration checkInterval,
        @Bindable(defaultValue = "3") int digestMinCameras,
        @Bindable(defaultValue = "10s") Duration digestWindow,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration answerTimeout,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration firstRetry,
        @Bindable(defaultValue = "10m") Duration maxRetry) {

    /** The longest a webhook may take to connect or answer. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    public AlertsConfig {
        if (webhookUrl != null && webhookUrl.isBlank()) {
            webhookUrl = null;
        }
        if (webhookUrl != null) {
            WebhookTarget.of(webhookUrl); // refused at start-up, saying why (never the URL itself)
        }
        requireBetween("down-delay", downDelay, Duration.ZERO, Duration.ofDays(1));
        requireBetween("fault-delay", faultDelay, Duration.ZERO, Duration.ofDays(1));
        requireBetween("check-interval", checkInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
        requireBetween("digest-window", digestWindow, Duration.ZERO, Duration.ofMinutes(10));
        requireBetween("connect-timeout", connectTimeout, Duration.ofMillis(1), MAX_TIMEOUT);
        requireBetween("answer-timeout", answerTimeout, Duration.ofMillis(1), MAX_TIMEOUT);
        new DigestPolicy(digestMinCameras, digestWindow.toMillis());
        new RetryPolicy(maxAttempts, firstRetry.toMillis(), maxRetry.toMillis());
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    "vigil.alerts." + name + " must be between " + min + " and " + max + ": " + value);
        }
    }

    /** The webhook target, if alerts are on. */
    public Optional<WebhookTarget> webhook() {
        return Optional.ofNullable(webhookUrl).map(WebhookTarget::of);
    }

    /** The rules: the default one. */
    public List<AlertRule> rules() {
        AlertRule down = AlertRule.cameraDown(downDelay.toMillis());
        return List.of(new AlertRule(down.name(), down.states(), down.delayMillis(), recovery));
    }

    /** The service faults' rule. */
    public FaultRule faultRule() {
        return new FaultRule(faultDelay.toMillis(), recovery);
    }

    public DigestPolicy digest() {
        return new DigestPolicy(digestMinCameras, digestWindow.toMillis());
    }

    public RetryPolicy retry() {
        return new RetryPolicy(maxAttempts, firstRetry.toMillis(), maxRetry.toMillis());
    }

    @Override
    public String toString() {
        String webhook = webhook()
                .map(w -> w.origin() + ", secret " + (webhookSecret == null ? "from " + webhookSecretFile : "set"))
                .orElse("none");
        return "AlertsConfig[webhook " + webhook + ", down-delay " + downDelay + "]";
    }
}
