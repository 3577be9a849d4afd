package io.vigil.alerts.plan;

import java.util.List;

/**
 * What one alert check does about service faults: the faults that fell due (each fires one alert and opens) and the
 * open ones no longer seen (each closes, with a recovery if the rule sends them).
 */
public record FaultPlan(List<AlertedFault> firing, List<OpenFault> clearing, boolean recovery) {

    public FaultPlan {
        firing = List.copyOf(firing);
        clearing = List.copyOf(clearing);
    }

    public boolean empty() {
        return firing.isEmpty() && clearing.isEmpty();
    }
}
