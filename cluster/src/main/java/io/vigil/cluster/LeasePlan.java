package io.vigil.cluster;

import java.util.List;
import java.util.Map;

/**
 * What one node does with its leases in one check: cameras to keep (renew), to hand over (release) and to take
 * (acquire), in that order, and the share of cameras each live node is aiming for.
 *
 * @param renew   leases this node holds and keeps
 * @param release leases this node holds and hands over: cameras no longer enabled, or more than its share
 * @param acquire unheld cameras this node takes, up to its share
 * @param targets each live node's share of the enabled cameras
 */
public record LeasePlan(List<String> renew, List<String> release, List<String> acquire, Map<String, Integer> targets) {

    public LeasePlan {
        renew = List.copyOf(renew);
        release = List.copyOf(release);
        acquire = List.copyOf(acquire);
        targets = Map.copyOf(targets);
    }
}
