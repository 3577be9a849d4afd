package io.vigil.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, from the node and lease rows the database last gave, what one node does in one check. Pure: every node
 * runs it on the same rows and reaches the same allotments, so nodes agree without talking to each other.
 *
 * <p>Allotments: the enabled cameras dealt out one at a time to the live nodes in node-id order, skipping a node at
 * its cap; so 7 cameras over 2 nodes give 4 and 3, and a node capped at 1 leaves the rest to the others. A node
 * above its allotment releases the excess, but only as many as the other live nodes have room for; a node below it
 * takes unheld cameras in camera-id order. A camera nobody has room for stays unheld (and is reported).
 */
public final class LeasePlanner {

    private LeasePlanner() {}

    public static LeasePlan plan(
            String self,
            Instant now,
            Duration leaseDuration,
            Collection<NodeRow> nodes,
            Collection<LeaseRow> leases,
            Set<String> cameras) {
        Objects.requireNonNull(self, "self");
        List<NodeRow> live = nodes.stream()
                .filter(n -> n.live(now, leaseDuration))
                .sorted(Comparator.comparing(NodeRow::nodeId))
                .toList();
        Map<String, Integer> allotments = allotments(cameras.size(), live);

        Map<String, String> holders = new HashMap<>();
        List<String> release = new ArrayList<>();
        for (LeaseRow lease : leases) {
            String holder = lease.holderAt(now);
            if (holder == null) {
                continue;
            }
            if (cameras.contains(lease.cameraId())) {
                holders.put(lease.cameraId(), holder);
            } else if (holder.equals(self)) {
                release.add(lease.cameraId()); // disabled or deleted: hand the lease back
            }
        }
        Map<String, Integer> held = new HashMap<>();
        holders.values().forEach(n -> held.merge(n, 1, Integer::sum));

        List<String> mine = new ArrayList<>(new TreeSet<>(holders.entrySet().stream()
                .filter(e -> e.getValue().equals(self))
                .map(Map.Entry::getKey)
                .toList()));
        int allotment = allotments.getOrDefault(self, 0);
        int otherRoom = 0;
        for (NodeRow n : live) {
            if (!n.nodeId().equals(self)) {
                otherRoom += Math.max(0, allotments.getOrDefault(n.nodeId(), 0) - held.getOrDefault(n.nodeId(), 0));
            }
        }
        int excess = Math.min(mine.size() - allotment, otherRoom);
        List<String> keep = new ArrayList<>(mine);
        for (int i = 0; i < excess; i++) {
            release.add(keep.remove(keep.size() - 1)); // the highest camera ids go first
        }

        List<String> free = new TreeSet<>(cameras)
                .stream().filter(c -> !holders.containsKey(c)).toList();
        int cap = live.stream()
                .filter(n -> n.nodeId().equals(self))
                .findFirst()
                .map(NodeRow::cap)
                .orElse(0);
        int wanted = Math.max(0, allotment - keep.size());
        if (otherRoom == 0) {
            wanted = Math.max(wanted, Math.min(free.size(), cap - keep.size())); // nobody else can take them
        }
        List<String> acquire = free.subList(0, Math.max(0, Math.min(wanted, free.size())));
        return new LeasePlan(keep, release, acquire, allotments);
    }

    /** Deals {@code cameras} out one at a time to the nodes in order, skipping any at its cap. */
    static Map<String, Integer> allotments(int cameras, List<NodeRow> nodesInOrder) {
        Map<String, Integer> allotments = new LinkedHashMap<>();
        nodesInOrder.forEach(n -> allotments.put(n.nodeId(), 0));
        int left = cameras;
        boolean dealt = true;
        while (left > 0 && dealt) {
            dealt = false;
            for (NodeRow n : nodesInOrder) {
                if (left > 0 && allotments.get(n.nodeId()) < n.cap()) {
                    allotments.merge(n.nodeId(), 1, Integer::sum);
                    left--;
                    dealt = true;
                }
            }
        }
        return allotments;
    }
}
