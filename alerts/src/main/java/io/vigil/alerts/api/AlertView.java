package io.vigil.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedFault;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API shows it: what it said, about which cameras or fault, and how each of its deliveries stands.
 *
 * @param id         the alert
 * @param kind       FIRING or RECOVERY
 * @param rule       the rule it was sent under
 * @param at         when the check that decided it ran
 * @param summary    its one line
 * @param cameras    the cameras it is about (empty for a fault's)
 * @param fault      the service fault it is about, or null
 * @param node       the node whose check decided it
 * @param deliveries each target's delivery: state, attempts, last answer (a target by its origin only)
 */
@Serdeable
public record AlertView(
        String id,
        String kind,
        String rule,
        Instant at,
        String summary,
        List<AlertedCamera> cameras,
        @Nullable AlertedFault fault,
        String node,
        List<Delivery> deliveries) {

    public static AlertView of(Alert alert, List<Delivery> deliveries) {
        return new AlertView(
                alert.id(),
                alert.kind().name(),
                alert.ruleName(),
                alert.at(),
                AlertMessage.summary(alert),
                alert.cameras(),
                alert.fault(),
                alert.nodeId(),
                List.copyOf(deliveries));
    }

    /** A page of alerts, newest first; {@code next} (the {@code after} of the next page) only when there are more. */
    @Serdeable
    public record Page(List<AlertView> alerts, @Nullable String next) {}
}
