package io.vigil.alerts.plan;

import java.util.List;

/**
 * What one alert check decided: the alerts to send, the conditions that fired (to remember as open, each with the index of
 * its alert in {@code alerts}) and the open conditions that cleared (to forget).
 */
public record AlertPlan(List<PlannedAlert> alerts, List<Firing> fired, List<OpenCondition> cleared) {

    /** A condition that fired in this alert check, in the alert at {@code alertIndex}. */
    public record Firing(AlertedCamera camera, String ruleName, int alertIndex) {}

    public AlertPlan {
        alerts = List.copyOf(alerts);
        fired = List.copyOf(fired);
        cleared = List.copyOf(cleared);
    }

    /** Whether nothing changes. */
    public boolean empty() {
        return alerts.isEmpty() && fired.isEmpty() && cleared.isEmpty();
    }
}
