package io.vigil.alerts.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * The event an event alert is about (its cameras are the alert's).
 *
 * @param id     the event's id
 * @param label  its label
 * @param at     when it happened, or began
 * @param source what reported it, or null
 */
@Serdeable
public record AlertedEvent(
        String id, String label, Instant at, @Nullable String source) {

    public AlertedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(at, "at");
    }
}
