package io.vigil.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The alerts' settings as in effect, for people: whether alerts are on, where they go (each target shown without its
 * secret) and the rules.
 *
 * @param enabled             whether any target is configured
 * @param targets             where alerts go
 * @param rules               what sends them
 * @param checkIntervalMillis how often the alert check runs
 */
@Serdeable
public record AlertSettings(boolean enabled, List<Target> targets, List<Rule> rules, long checkIntervalMillis) {

    /**
     * A target: its name, kind (WEBHOOK, EMAIL), how it is shown (an origin; never a path, user or password) and its
     * source (SETTINGS, or API: made through {@code /api/alerts/targets}).
     */
    @Serdeable
    public record Target(String name, String kind, String shown, String source) {}

    /**
     * A rule: CAMERA (states for a delay), FAULT (service faults for a delay) or EVENT (a label on cameras, a cooldown).
     *
     * @param name         its name, as alerts carry it
     * @param source       SETTINGS (the configuration) or API (made through {@code /api/alerts/rules})
     * @param kind         CAMERA, FAULT or EVENT
     * @param states       a CAMERA rule's failing states
     * @param delayMillis  how long a condition lasts before it fires (CAMERA, FAULT)
     * @param recovery     whether its end sends a recovery (CAMERA, FAULT)
     * @param label        an EVENT rule's label
     * @param cameraIds    an EVENT rule's cameras; empty: every camera
     * @param cooldownMillis an EVENT rule's cooldown per camera
     */
    @Serdeable
    public record Rule(
            String name,
            String source,
            String kind,
            @Nullable List<String> states,
            @Nullable Long delayMillis,
            @Nullable Boolean recovery,
            @Nullable String label,
            @Nullable List<String> cameraIds,
            @Nullable Long cooldownMillis) {}
}
