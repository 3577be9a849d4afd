package io.vigil.cluster;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node's row in {@code cluster_node}, as the database last gave it.
 *
 * @param nodeId        its id
 * @param advertisedUrl where its API is reached, or null
 * @param startedAt     when its current process first checked in
 * @param heartbeatAt   its latest check-in
 * @param stoppedAt     when it stopped cleanly, or null while it runs
 * @param maxCameras    its cap, or null for none
 */
public record NodeRow(
        String nodeId,
        @Nullable String advertisedUrl,
        Instant startedAt,
        Instant heartbeatAt,
        @Nullable Instant stoppedAt,
        @Nullable Integer maxCameras) {

    public NodeRow {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    }

    /** Running and checked in within one lease duration before {@code now}. */
    public boolean live(Instant now, Duration leaseDuration) {
        return stoppedAt == null && heartbeatAt.plus(leaseDuration).isAfter(now);
    }

    /** The cap as a number ({@link Integer#MAX_VALUE} for none). */
    int cap() {
        return maxCameras == null ? Integer.MAX_VALUE : maxCameras;
    }
}
