package io.vigil.alerts.rules;

import io.vigil.alerts.EventRuleConfig;
import io.vigil.alerts.plan.EventRule;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event rule: those in the settings ({@code vigil.alerts.event-rules.*}, fixed at start) and those made through
 * the API (the database, read at each look, so every node sees a new one at once). A name is one rule's only.
 */
@Singleton
public class EventRuleSet {

    private final List<EventRule> configured;
    private final EventRuleRepository made;
    private final Clock clock;

    public EventRuleSet(List<EventRuleConfig> configured, EventRuleRepository made, Clock clock) {
        this.configured = configured.stream().map(EventRuleConfig::rule).toList();
        this.made = made;
        this.clock = clock;
    }

    /** The settings' rules, then the API's. */
    public List<EventRule> all() {
        List<EventRule> all = new ArrayList<>(configured);
        all.addAll(made.all());
        return all;
    }

    /** Whether the rule of that name comes from the settings. */
    public boolean configured(String name) {
        return configured.stream().anyMatch(r -> r.name().equals(name));
    }

    /** Makes the rule; 409 when the name is taken, by the settings or the API. */
    public EventRule create(EventRule rule, String by) {
        if (configured(rule.name()) || !made.insert(rule, by, clock.instant())) {
            throw new VigilException(ErrorCode.ALERT_RULE_EXISTS, "an alert rule named " + rule.name() + " exists");
        }
        return rule;
    }

    /** Deletes an API-made rule; 409 for one in the settings, 404 for none. */
    public void delete(String name) {
        if (configured(name)) {
            throw new VigilException(
                    ErrorCode.ALERT_RULE_IN_SETTINGS,
                    "alert rule " + name + " is in the settings (vigil.alerts.event-rules." + name
                            + "): change it there");
        }
        if (!made.delete(name)) {
            throw new VigilException(ErrorCode.ALERT_RULE_NOT_FOUND, "no alert rule " + name);
        }
    }
}
