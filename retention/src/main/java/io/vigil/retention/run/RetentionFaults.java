package io.vigil.retention.run;

import io.vigil.kernel.hook.ServiceFault;
import io.vigil.kernel.hook.ServiceFaults;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Retention's service faults, from its last run (a run refused only because another held the lock passed over): REFUSED (a jumped clock, a lost index) or FAILED, or a quota it could
 * not meet (the rest held or recent: the store will fill). Every node sees the same runs. It clears when a later run
 * ends COMPLETED with nothing it could not do.
 */
@Singleton
public class RetentionFaults implements ServiceFaults {

    public static final String REFUSED = "retention-refused";
    public static final String FAILED = "retention-failed";
    public static final String SHORTFALL = "retention-shortfall";

    private final RetentionRuns runs;

    public RetentionFaults(RetentionRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<ServiceFault> current() {
        return runs.newest(RECENT_RUNS).stream()
                .filter(r -> !busy(r))
                .findFirst()
                .map(RetentionFaults::of)
                .orElse(List.of());
    }

    /** How many of the newest runs are looked through for the last one that was not refused as busy. */
    static final int RECENT_RUNS = 10;

    /** Refused only because another run held the lock: that one says how it went. */
    static boolean busy(RunSummary run) {
        return run.outcome() == RunSummary.Outcome.REFUSED
                && run.details().stream().anyMatch(d -> d.startsWith(RunLock.BUSY));
    }

    /** The fault the run leaves, if any (pure). */
    static List<ServiceFault> of(RunSummary run) {
        String why = run.details().isEmpty() ? "" : ": " + run.details().get(0);
        String more = run.details().size() > 1 ? " (and " + (run.details().size() - 1) + " more)" : "";
        return switch (run.outcome()) {
            case REFUSED -> List.of(fault(REFUSED, "The last retention run was refused" + why, run));
            case FAILED -> List.of(fault(FAILED, "The last retention run failed" + why, run));
            case PARTIAL, COMPLETED ->
                run.details().isEmpty()
                        ? List.of()
                        : List.of(fault(SHORTFALL, "Retention cannot meet a quota" + why + more, run));
        };
    }

    private static ServiceFault fault(String key, String summary, RunSummary run) {
        return new ServiceFault(key, ServiceFault.Scope.SERVICE, summary, run.finished());
    }
}
