package io.vigil.alerts.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert on its way to one target: a row of the alert's delivery list.
 *
 * @param id            random UUID, the same on every attempt (the receiver's idempotency key)
 * @param alertId       the alert
 * @param targetName    the target as configured ({@code webhook}, {@code email})
 * @param targetOrigin  how it is shown, no secret: a webhook's scheme, host and port; {@code smtp://host:port}
 * @param state         PENDING, DELIVERED or FAILED
 * @param attempts      attempts made
 * @param nextAttemptAt when the next attempt is due; null once DELIVERED or FAILED
 * @param lastAttemptAt when the last attempt began; null before the first
 * @param lastStatus    the last answer's HTTP status or SMTP reply code; null when there was none
 * @param lastError     why the last attempt failed (no URL, no secret, no password); null after a success
 * @param deliveredAt   when the target took it (a 2xx answer, an SMTP 250); null until then
 * @param createdAt     when the delivery was made
 */
@Serdeable
public record Delivery(
        String id,
        String alertId,
        String targetName,
        String targetOrigin,
        State state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        @Nullable Instant deliveredAt,
        Instant createdAt) {

    /** Where a delivery stands. */
    public enum State {
        /** Attempts to come. */
        PENDING,
        /** A 2xx answer came. */
        DELIVERED,
        /** No 2xx answer within the attempts allowed. */
        FAILED
    }

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetOrigin, "targetOrigin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((state == State.PENDING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("a pending delivery, and only one, has a next attempt");
        }
        if ((state == State.DELIVERED) != (deliveredAt != null)) {
            throw new IllegalArgumentException("a delivered delivery, and only one, says when");
        }
    }

    /** A new delivery of {@code alertId} to a target, its first attempt due at {@code at}. */
    public static Delivery pending(String id, String alertId, String targetName, String targetOrigin, Instant at) {
        return new Delivery(id, alertId, targetName, targetOrigin, State.PENDING, 0, at, null, null, null, null, at);
    }
}
