package io.vigil.alerts;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vigil.alerts.plan.EventRule;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One event rule from the settings, {@code vigil.alerts.event-rules.<name>.*}: {@code label}, {@code cameras} (a list;
 * none: every camera), {@code cooldown} (one alert per camera in it, 60 s).
 */
@EachProperty("vigil.alerts.event-rules")
public record EventRuleConfig(
        @Parameter String name,
        @Nullable String label,
        @Nullable List<String> cameras,
        @Bindable(defaultValue = "60s") Duration cooldown) {

    /** The rule, refused at start-up with the setting's name when it makes no sense. */
    public EventRule rule() {
        if (cooldown == null || cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    "vigil.alerts.event-rules." + name + ".cooldown must be between 0 and 1 day: " + cooldown);
        }
        try {
            return new EventRule(name, label, cameras == null ? Set.of() : Set.copyOf(cameras), cooldown.toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.alerts.event-rules." + name + ": " + e.getMessage(), e);
        }
    }
}
