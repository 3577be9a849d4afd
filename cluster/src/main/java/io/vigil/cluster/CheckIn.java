package io.vigil.cluster;

import io.vigil.kernel.NodeIdentity;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's check-in under its node id, the first step of every check: a live process checks in every
 * interval, and one silent for three has crashed, so its id may be reused. While another running process checks in
 * with the same id this one is refused, says so once, and records nothing until the other stops.
 *
 * <p>Thread: called only by {@link LeaseKeeper}, under its lock; its state is not synchronised.
 */
@Singleton
public class CheckIn {

    private static final Logger LOG = LoggerFactory.getLogger(CheckIn.class);

    private final ClusterConfig config;
    private final String self;
    private final ClusterNodes nodes;
    /** This process, as opposed to another one started with the same node id. */
    private final String instanceId = UUID.randomUUID().toString();

    private boolean first = true;
    private boolean refused;

    public CheckIn(ClusterConfig config, NodeIdentity identity, ClusterNodes nodes) {
        this.config = config;
        this.self = identity.nodeId();
        this.nodes = nodes;
    }

    /** Checks in at {@code now} (the database's time); false while another live process holds this node id. */
    boolean checkIn(Instant now) {
        if (!nodes.checkIn(
                self,
                instanceId,
                config.advertisedUrl(),
                config.maxCameras(),
                now,
                config.enabled() ? config.checkInterval().multipliedBy(3) : Duration.ZERO,
                first)) {
            if (!refused) {
                LOG.error(
                        "Node {}: another running process checks in with this node id; this one records nothing "
                                + "until it stops. Give every node its own vigil.cluster.node-id",
                        self);
                refused = true;
            }
            return false;
        }
        if (refused) {
            LOG.info("Node {}: the other process with this node id has gone; taking leases", self);
            refused = false;
        }
        first = false;
        return true;
    }

    /** Records a clean stop, so the other nodes stop counting this one at once. */
    void stopped(Instant now) {
        nodes.stopped(self, instanceId, now);
    }
}
