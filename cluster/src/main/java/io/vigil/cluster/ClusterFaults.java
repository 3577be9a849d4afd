package io.vigil.cluster;

import io.vigil.kernel.hook.ServiceFault;
import io.vigil.kernel.hook.ServiceFaults;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The cluster's service faults: a node that has not checked in for a lease duration and did not stop cleanly (SILENT in
 * {@code /api/cluster}); its cameras go to the other nodes, but it is down. Every node sees it alike. None when the
 * cluster is off.
 */
@Singleton
public class ClusterFaults implements ServiceFaults {

    /** The key's prefix; the node's id follows. */
    public static final String NODE_SILENT = "node-silent:";

    private final ClusterConfig config;
    private final ClusterNodes nodes;
    private final DatabaseTime time;

    public ClusterFaults(ClusterConfig config, ClusterNodes nodes, DatabaseTime time) {
        this.config = config;
        this.nodes = nodes;
        this.time = time;
    }

    @Override
    public List<ServiceFault> current() {
        if (!config.enabled()) {
            return List.of();
        }
        Instant now = time.now();
        return nodes.all().stream()
                .filter(n -> n.stoppedAt() == null && !n.live(now, config.leaseDuration()))
                .map(n -> new ServiceFault(
                        key(n.nodeId()),
                        ServiceFault.Scope.SERVICE,
                        "Node " + n.nodeId() + " has not checked in since " + n.heartbeatAt()
                                + " and did not stop cleanly: its cameras move to the other nodes",
                        n.heartbeatAt().plus(config.leaseDuration())))
                .toList();
    }

    /** {@code node-silent:<id>}, the id lower-cased and anything a key does not take made a dash. */
    static String key(String nodeId) {
        String id = nodeId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.:-]", "-");
        String key = NODE_SILENT + id;
        return key.length() > 80 ? key.substring(0, 80) : key;
    }
}
