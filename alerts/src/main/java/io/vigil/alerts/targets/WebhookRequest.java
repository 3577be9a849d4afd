package io.vigil.alerts.targets;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/alerts/targets}, as sent.
 *
 * @param name the target's name, {@code [a-z0-9][a-z0-9-]{0,39}}, not one of the settings'
 * @param url  the http or https URL alerts are POSTed to (kept encrypted, shown by its origin only)
 */
@Serdeable
public record WebhookRequest(
        @Nullable String name, @Nullable String url) {

    @Creator
    public WebhookRequest {}

    @Override
    public String toString() {
        return "WebhookRequest[" + name + "]"; // never the URL
    }
}
