package io.vigil.cluster;

import io.micronaut.context.annotation.Replaces;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.NoOtherNode;
import io.vigil.kernel.hook.RecordingNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The node recording a camera, from its lease in the database (one read of the lease and node tables): the live
 * playlist sends a player there when this node does not record the camera. A lease held by this node, expired or
 * released, or held by a node that advertises no URL, names no other node.
 */
@Singleton
@Replaces(NoOtherNode.class)
public class LeaseHolders implements RecordingNode {

    private final CameraLeases leases;
    private final ClusterNodes nodes;
    private final DatabaseTime time;
    private final NodeIdentity self;

    public LeaseHolders(CameraLeases leases, ClusterNodes nodes, DatabaseTime time, NodeIdentity self) {
        this.leases = leases;
        this.nodes = nodes;
        this.time = time;
        this.self = self;
    }

    @Override
    public Optional<String> elsewhere(String cameraId) {
        Instant now = time.now();
        Optional<String> holder = leases.all().stream()
                .filter(l -> l.cameraId().equals(cameraId))
                .map(l -> l.holderAt(now))
                .filter(n -> n != null && !n.equals(self.nodeId()))
                .findFirst();
        return holder.flatMap(nodeId -> nodes.all().stream()
                .filter(n -> n.nodeId().equals(nodeId) && n.stoppedAt() == null)
                .map(NodeRow::advertisedUrl)
                .filter(url -> url != null && !url.isBlank())
                .findFirst());
    }
}
