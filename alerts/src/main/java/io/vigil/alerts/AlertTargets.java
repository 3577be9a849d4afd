package io.vigil.alerts;

import io.vigil.alerts.api.AlertSettings;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.email.EmailConfig;
import io.vigil.alerts.targets.WebhookRepository;
import io.vigil.alerts.webhook.WebhookTarget;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where alerts go: the settings' targets, the webhook ({@code vigil.alerts.webhook-url}) then e-mail
 * ({@code vigil.alerts.email.host}), then the webhooks made through the API (read at each look, so every node sees a new
 * one at once); each alert gets a delivery to each. None: alerts are off.
 */
@Singleton
public class AlertTargets {

    private final List<AlertTarget> configured;
    private final Supplier<List<AlertTarget.Webhook>> made;

    @Inject
    public AlertTargets(AlertsConfig config, EmailConfig email, WebhookRepository made) {
        this(configured(config, email), made::all);
    }

    /** The settings' targets alone (tests). */
    AlertTargets(AlertsConfig config, EmailConfig email) {
        this(configured(config, email));
    }

    /** The webhook alone, or no target when null (tests). */
    AlertTargets(WebhookTarget webhook) {
        this(webhook == null ? List.of() : List.of(new AlertTarget.Webhook(webhook)));
    }

    public AlertTargets(List<AlertTarget> targets) {
        this(targets, List::of);
    }

    public AlertTargets(List<AlertTarget> configured, Supplier<List<AlertTarget.Webhook>> made) {
        this.configured = List.copyOf(configured);
        this.made = made;
    }

    private static List<AlertTarget> configured(AlertsConfig config, EmailConfig email) {
        List<AlertTarget> targets = new ArrayList<>();
        config.webhook().ifPresent(url -> targets.add(new AlertTarget.Webhook(url)));
        if (email.configured()) {
            targets.add(new AlertTarget.Email(email));
        }
        return targets;
    }

    /** Every target: the settings' (the webhook first), then the API's by name. */
    public List<AlertTarget> all() {
        List<AlertTarget> all = new ArrayList<>(configured);
        all.addAll(made.get());
        return all;
    }

    /** The settings' targets only (no database read). */
    public List<AlertTarget> settings() {
        return configured;
    }

    /** Whether a target of that name comes from the settings. */
    public boolean configured(String name) {
        return configured.stream().anyMatch(t -> t.name().equals(name));
    }

    /** Each target as people see it: name, kind, origin, source. */
    public List<AlertSettings.Target> shown() {
        return all().stream()
                .map(t -> new AlertSettings.Target(
                        t.name(), t.kind().name(), t.origin(), configured(t.name()) ? "SETTINGS" : "API"))
                .toList();
    }

    /** A new PENDING delivery of {@code alert} to each target. */
    public List<Delivery> deliveriesOf(Alert alert) {
        return deliveriesOf(alert, all());
    }

    /** A new PENDING delivery of {@code alert} to each of {@code targets}. */
    public static List<Delivery> deliveriesOf(Alert alert, List<AlertTarget> targets) {
        return targets.stream()
                .map(t -> Delivery.pending(UUID.randomUUID().toString(), alert.id(), t.name(), t.origin(), alert.at()))
                .toList();
    }
}
