package io.vigil.alerts;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Introspected;

/** Whether any alert target is configured: {@code vigil.alerts.webhook-url} or {@code vigil.alerts.email.host}. */
@Introspected
public final class AlertTargetsConfigured implements Condition {

    /** The settings that each configure a target. */
    static final String[] TARGET_SETTINGS = {"vigil.alerts.webhook-url", "vigil.alerts.email.host"};

    @Override
    public boolean matches(ConditionContext context) {
        for (String setting : TARGET_SETTINGS) {
            if (context.getProperty(setting, String.class)
                    .filter(v -> !v.isBlank())
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }
}
