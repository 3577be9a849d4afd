package io.vigil.alerts.rules;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST /api/alerts/rules}, as sent; {@link EventRuleRules} checks it.
 *
 * @param name            the rule's name
 * @param label           the event label it watches for
 * @param cameraIds       the cameras it watches; none or empty: every camera
 * @param cooldownSeconds at most one alert per camera in this time; none: 60
 */
@Serdeable
public record EventRuleRequest(
        @Nullable String name,
        @Nullable String label,
        @Nullable List<String> cameraIds,
        @Nullable Long cooldownSeconds) {

    @Creator
    public EventRuleRequest {}
}
