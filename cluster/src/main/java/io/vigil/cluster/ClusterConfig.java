package io.vigil.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code vigil.cluster.*}: how this node divides the cameras with other nodes on the same database.
 *
 * @param enabled        several nodes share the database: a node that cannot renew its leases stops recording
 *                       before they expire, so two nodes never record one camera. Off on a single node, which then
 *                       keeps recording through a database outage (nobody else could take its cameras)
 * @param nodeId         this node's id, unique in the cluster and stable across restarts (it names the local spool
 *                       that a restarted node uploads); defaults to the host name
 * @param advertisedUrl  where operators and other nodes reach this node's API, shown by {@code GET /api/cluster}
 * @param leaseDuration  a camera whose node stops renewing goes to another node after this long
 * @param checkInterval  how often a node checks in, renews its leases and balances cameras
 * @param maxCameras     the most cameras this node records, or null for no cap
 */
@ConfigurationProperties("vigil.cluster")
public record ClusterConfig(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String nodeId,
        @Nullable String advertisedUrl,
        @Bindable(defaultValue = "20s") Duration leaseDuration,
        @Bindable(defaultValue = "2s") Duration checkInterval,
        @Nullable Integer maxCameras) {

    public ClusterConfig {
        if (nodeId != null && !nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("vigil.cluster.node-id must be 1-63 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, got: " + nodeId);
        }
        if (checkInterval == null || checkInterval.toMillis() < 100) {
            throw new IllegalArgumentException("vigil.cluster.check-interval must be at least 100ms");
        }
        if (leaseDuration == null || leaseDuration.compareTo(checkInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("vigil.cluster.lease-duration (" + leaseDuration + ") must be at least "
                    + "three check intervals (" + checkInterval.multipliedBy(3) + ")");
        }
        if (maxCameras != null && maxCameras < 0) {
            throw new IllegalArgumentException("vigil.cluster.max-cameras must be 0 or more, got: " + maxCameras);
        }
    }
}
