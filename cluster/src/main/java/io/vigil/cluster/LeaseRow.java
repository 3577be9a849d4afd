package io.vigil.cluster;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A camera's lease: its row in {@code camera_lease}, as the database last gave it.
 *
 * @param cameraId      the camera
 * @param nodeId        the holder, or null when released
 * @param acquiredAt    when the holder acquired it
 * @param expiresAt     until when it is held unless renewed
 * @param sequenceFloor the first segment sequence number a new holder may use
 * @param status        the holder's latest status report (JSON), or null
 */
public record LeaseRow(
        String cameraId,
        @Nullable String nodeId,
        Instant acquiredAt,
        Instant expiresAt,
        long sequenceFloor,
        @Nullable String status) {

    public LeaseRow {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The node holding it at {@code now}, if any. */
    public @Nullable String holderAt(Instant now) {
        return nodeId != null && expiresAt.isAfter(now) ? nodeId : null;
    }
}
