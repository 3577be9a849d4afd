package io.vigil.alerts.targets;

import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.AlertTargets;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Webhook targets made and deleted through the API: each checked (its name, not one of the settings'; its URL, http or
 * https), kept by {@link WebhookRepository}; the settings' targets are changed only in the settings.
 */
@Singleton
public class WebhookTargets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final WebhookRepository repository;
    private final AlertTargets targets;
    private final Clock clock;

    public WebhookTargets(WebhookRepository repository, AlertTargets targets, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.clock = clock;
    }

    /** Makes the webhook; 400 naming each bad field, 409 for a name taken (by the settings too). */
    public AlertTarget.Webhook create(WebhookRequest request, String by) {
        AlertTarget.Webhook webhook = check(request);
        if (reserved(webhook.name()) || !repository.insert(webhook, by, clock.instant())) {
            throw new VigilException(
                    ErrorCode.ALERT_TARGET_EXISTS, "an alert target named " + webhook.name() + " exists");
        }
        return webhook;
    }

    /** Deletes an API-made webhook; 409 for one of the settings, 404 for none. */
    public void delete(String name) {
        if (reserved(name)) {
            throw new VigilException(
                    ErrorCode.ALERT_TARGET_IN_SETTINGS,
                    "alert target " + name + " is in the settings (vigil.alerts.webhook-url, vigil.alerts.email.*): "
                            + "change it there");
        }
        if (!repository.delete(name)) {
            throw new VigilException(ErrorCode.ALERT_TARGET_NOT_FOUND, "no alert target " + name);
        }
    }

    /** The names the settings' targets have or may have. */
    private boolean reserved(String name) {
        return name.equals(AlertTarget.Webhook.NAME) || name.equals(AlertTarget.Email.NAME) || targets.configured(name);
    }

    /** The webhook the request asks for (pure); 400 naming each field at fault, never repeating the URL. */
    static AlertTarget.Webhook check(WebhookRequest request) {
        if (request == null) {
            throw VigilException.invalid(Map.of("body", "send a JSON object with name and url"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (!NAME.matcher(name).matches()) {
            errors.put("name", "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        WebhookTarget url = null;
        try {
            url = WebhookTarget.of(request.url() == null ? null : request.url().trim());
        } catch (IllegalArgumentException e) {
            errors.put("url", e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new AlertTarget.Webhook(name, url);
    }
}
