package io.vigil.cluster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/cluster}: the nodes sharing this database and what each records.
 *
 * @param nodeId              the node that answered
 * @param clustered           whether {@code vigil.cluster.enabled} is set on it
 * @param leaseDurationMillis after how long a silent node's cameras move
 * @param nodes               every node seen in the last 7 days
 * @param unassigned          enabled cameras no node holds right now
 */
@Serdeable
public record ClusterView(
        String nodeId, boolean clustered, long leaseDurationMillis, List<Node> nodes, List<String> unassigned) {

    /**
     * One node.
     *
     * @param nodeId        its id
     * @param advertisedUrl where its API is reached, or null
     * @param state         {@code LIVE}, {@code STOPPED} (cleanly) or {@code SILENT} (no check-in for a lease duration)
     * @param startedAt     when its process first checked in
     * @param heartbeatAt   its latest check-in
     * @param stoppedAt     when it stopped cleanly, or null
     * @param maxCameras    its cap, or null
     * @param allotment     how many cameras it aims for now
     * @param cameras       the cameras whose lease it holds
     */
    @Serdeable
    public record Node(
            String nodeId,
            @Nullable String advertisedUrl,
            String state,
            Instant startedAt,
            Instant heartbeatAt,
            @Nullable Instant stoppedAt,
            @Nullable Integer maxCameras,
            int allotment,
            List<String> cameras) {}
}
