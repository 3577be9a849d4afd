package io.vigil.alerts.plan;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which posted events send an alert: those with this label (any case) on one of these cameras (none named: any), at most
 * one alert per camera and rule in {@code cooldownMillis} (an analytics system posting "person" every second is one
 * alert a minute, not sixty).
 *
 * @param name           the rule's name in alerts and rows, {@code [a-z0-9][a-z0-9-]{0,39}}
 * @param label          the label it matches
 * @param cameraIds      the cameras it watches; empty: every camera
 * @param cooldownMillis how long after a camera's alert under this rule its next events send none, at least 0
 */
@Serdeable
public record EventRule(String name, String label, Set<String> cameraIds, long cooldownMillis) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public EventRule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an event rule's name is [a-z0-9][a-z0-9-]{0,39}: " + name);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("event rule " + name + " names no label");
        }
        label = label.trim();
        cameraIds = Set.copyOf(cameraIds);
        if (cooldownMillis < 0) {
            throw new IllegalArgumentException("event rule " + name + ": a cooldown is at least 0 ms");
        }
    }

    /** Whether an event labelled {@code eventLabel} is one this rule watches for. */
    public boolean matches(String eventLabel) {
        return label.toLowerCase(Locale.ROOT).equals(eventLabel.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether it watches {@code cameraId}. */
    public boolean watches(String cameraId) {
        return cameraIds.isEmpty() || cameraIds.contains(cameraId);
    }
}
