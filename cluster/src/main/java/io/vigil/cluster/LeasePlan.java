package io.vigil.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one node does with its leases in one check: cameras to keep (renew), to hand over (release) and to take
 * (acquire), in that order, and the allotment of cameras each live node is aiming for.
 *
 * @param renew   leases this node holds and keeps
 * @param release leases this node holds and hands over: cameras no longer enabled, or more than its allotment
 * @param acquire unheld cameras this node takes, up to its allotment
 * @param allotments each live node's allotment: how many of the enabled cameras it aims for
 */
public record LeasePlan(
        List<String> renew, List<String> release, List<String> acquire, Map<String, Integer> allotments) {

    public LeasePlan {
        renew = List.copyOf(renew);
        release = List.copyOf(release);
        acquire = List.copyOf(acquire);
        allotments = Map.copyOf(allotments);
    }

    /** Whether this node held the camera's lease when it planned (to keep or to hand over). */
    public boolean holds(String cameraId) {
        return renew.contains(cameraId) || release.contains(cameraId);
    }

    /** The leases this node renews: those it keeps, then those it hands over but still records (kept until handed over). */
    public List<String> renewals(Predicate<String> recordedHere) {
        List<String> held = new ArrayList<>(renew);
        release.stream().filter(recordedHere).forEach(held::add);
        return held;
    }

    /** The leases this node takes: first those it keeps but does not record (its own from before a restart), then unheld ones. */
    public List<String> toTake(Predicate<String> recordedHere) {
        List<String> take =
                new ArrayList<>(renew.stream().filter(recordedHere.negate()).toList());
        take.addAll(acquire);
        return take;
    }
}
