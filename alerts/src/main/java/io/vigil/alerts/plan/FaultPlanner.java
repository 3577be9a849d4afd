package io.vigil.alerts.plan;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, at one alert check, which service faults fire and which clear: pure, from the rule, the open faults this node
 * judges and the faults it sees now.
 *
 * <ul>
 *   <li>a fault seen for the rule's delay or longer fires once; while it is open it fires nothing more;
 *   <li>an open fault no longer seen clears, with one recovery if the rule sends them;
 *   <li>a fault gone before its delay fires nothing.
 * </ul>
 */
public final class FaultPlanner {

    private FaultPlanner() {}

    public static FaultPlan plan(Instant now, FaultRule rule, List<OpenFault> open, List<AlertedFault> seen) {
        Set<String> openKeys = open.stream().map(OpenFault::key).collect(Collectors.toSet());
        Set<String> seenKeys = seen.stream().map(AlertedFault::key).collect(Collectors.toSet());
        List<AlertedFault> firing = seen.stream()
                .filter(f -> !openKeys.contains(f.key()))
                .filter(f -> !now.isBefore(f.since().plusMillis(rule.delayMillis())))
                .sorted(Comparator.comparing(AlertedFault::key))
                .toList();
        List<OpenFault> clearing = open.stream()
                .filter(o -> !seenKeys.contains(o.key()))
                .sorted(Comparator.comparing(OpenFault::key))
                .toList();
        return new FaultPlan(firing, clearing, rule.recovery());
    }
}
