package io.vigil.alerts.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure fault planner on hand-made faults; each test name is a rule. */
class FaultPlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final FaultRule RULE = new FaultRule(30_000, true);

    static AlertedFault seen(String key, long seconds) {
        return new AlertedFault(key, "summary of " + key, NOW.minusSeconds(seconds));
    }

    static OpenFault open(String key) {
        return new OpenFault(seen(key, 100), "alert-" + key, NOW.minusSeconds(60));
    }

    static List<String> firing(FaultPlan plan) {
        return plan.firing().stream().map(AlertedFault::key).toList();
    }

    static List<String> clearing(FaultPlan plan) {
        return plan.clearing().stream().map(OpenFault::key).toList();
    }

    @Test
    void aFaultSeenForTheDelayFires() {
        FaultPlan plan = FaultPlanner.plan(NOW, RULE, List.of(), List.of(seen("store-unreachable", 30)));
        assertEquals(List.of("store-unreachable"), firing(plan));
        assertEquals(List.of(), clearing(plan));
    }

    @Test
    void aFaultSeenForLessThanTheDelayFiresNothing() {
        assertEquals(
                List.of(), firing(FaultPlanner.plan(NOW, RULE, List.of(), List.of(seen("store-unreachable", 29)))));
    }

    @Test
    void anOpenFaultStillSeenFiresNothingMore() {
        FaultPlan plan = FaultPlanner.plan(
                NOW, RULE, List.of(open("store-unreachable")), List.of(seen("store-unreachable", 300)));
        assertEquals(true, plan.empty());
    }

    @Test
    void anOpenFaultNoLongerSeenClearsWithTheRulesRecovery() {
        FaultPlan plan = FaultPlanner.plan(NOW, RULE, List.of(open("store-unreachable")), List.of());
        assertEquals(List.of("store-unreachable"), clearing(plan));
        assertEquals(true, plan.recovery());
        FaultPlan quiet = FaultPlanner.plan(NOW, new FaultRule(30_000, false), List.of(open("a")), List.of());
        assertEquals(List.of("a"), clearing(quiet));
        assertEquals(false, quiet.recovery());
    }

    @Test
    void eachFaultIsJudgedOnItsOwnInKeyOrder() {
        FaultPlan plan = FaultPlanner.plan(
                NOW,
                RULE,
                List.of(open("spool-filling@n1"), open("store-unreachable")),
                List.of(seen("store-unreachable", 5), seen("spool-unwritable@n1", 40), seen("node-silent:b", 31)));
        assertEquals(List.of("node-silent:b", "spool-unwritable@n1"), firing(plan));
        assertEquals(List.of("spool-filling@n1"), clearing(plan));
    }

    @Test
    void aZeroDelayFiresAtFirstSight() {
        assertEquals(
                List.of("a"), firing(FaultPlanner.plan(NOW, new FaultRule(0, true), List.of(), List.of(seen("a", 0)))));
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultRule(-1, true));
    }
}
