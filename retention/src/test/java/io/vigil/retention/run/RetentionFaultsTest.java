package io.vigil.retention.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.hook.ServiceFault;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fault a retention run leaves (pure); each test name is a rule. */
class RetentionFaultsTest {

    static final Instant END = Instant.parse("2026-12-07T03:00:05Z");

    static RunSummary run(RunSummary.Outcome outcome, String... details) {
        return new RunSummary("r1", "SCHEDULE", END.minusSeconds(5), END, outcome, 0, 0, 0, 0, 0, 0, List.of(details));
    }

    static List<String> faults(RunSummary run) {
        return RetentionFaults.of(run).stream()
                .map(f -> f.key() + " | " + f.summary())
                .toList();
    }

    @Test
    void aCleanRunLeavesNoFault() {
        assertEquals(List.of(), faults(run(RunSummary.Outcome.COMPLETED)));
        assertEquals(List.of(), faults(run(RunSummary.Outcome.PARTIAL)), "segments the store kept: the store's fault");
    }

    @Test
    void aRefusedRunIsAFaultSayingWhy() {
        assertEquals(
                List.of("retention-refused | The last retention run was refused: the clock jumped back 2 h"),
                faults(run(RunSummary.Outcome.REFUSED, "the clock jumped back 2 h")));
    }

    @Test
    void aFailedRunIsAFault() {
        assertEquals(
                List.of("retention-failed | The last retention run failed: store down"),
                faults(run(RunSummary.Outcome.FAILED, "store down")));
    }

    @Test
    void aQuotaThatCannotBeMetIsAShortfallNamingTheFirstAndCountingTheRest() {
        assertEquals(
                List.of(
                        "retention-shortfall | Retention cannot meet a quota: camera dock uses 12 GB of 10 GB (and 1 more)"),
                faults(run(RunSummary.Outcome.COMPLETED, "camera dock uses 12 GB of 10 GB", "all cameras ...")));
    }

    @Test
    void theFaultIsSeenSinceTheRunEndedByEveryNode() {
        ServiceFault f = RetentionFaults.of(run(RunSummary.Outcome.FAILED, "x")).get(0);
        assertEquals(END, f.since());
        assertEquals(ServiceFault.Scope.SERVICE, f.scope());
    }

    @Test
    void aRunRefusedOnlyBecauseAnotherHeldTheLockIsPassedOver() {
        assertEquals(true, RetentionFaults.busy(run(RunSummary.Outcome.REFUSED, RunLock.BUSY + " on node b; ...")));
        assertEquals(false, RetentionFaults.busy(run(RunSummary.Outcome.REFUSED, "the clock jumped back 2 h")));
        assertEquals(false, RetentionFaults.busy(run(RunSummary.Outcome.COMPLETED, RunLock.BUSY)));
    }
}
