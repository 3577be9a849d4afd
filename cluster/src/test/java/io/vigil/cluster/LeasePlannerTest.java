package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The pure planner: allotments, hand-overs, take-overs and caps, on hand-made rows of the database. */
class LeasePlannerTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Set<String> SIX = Set.of("c1", "c2", "c3", "c4", "c5", "c6");

    static NodeRow node(String id, Integer max) {
        return new NodeRow(id, null, NOW.minusSeconds(60), NOW.minusSeconds(1), null, max);
    }

    static LeaseRow held(String camera, String node) {
        return new LeaseRow(camera, node, NOW.minusSeconds(30), NOW.plusSeconds(15), 10, null);
    }

    static LeaseRow free(String camera) {
        return new LeaseRow(camera, null, Instant.EPOCH, Instant.EPOCH, 0, null);
    }

    @Test
    void aLoneNodeTakesEveryCamera() {
        LeasePlan plan = LeasePlanner.plan(
                "a",
                NOW,
                LEASE,
                List.of(node("a", null)),
                SIX.stream().map(LeasePlannerTest::free).toList(),
                SIX);
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), plan.acquire());
        assertEquals(List.of(), plan.release());
    }

    @Test
    void aNodeThatJoinsGetsHalfAsTheFirstHandsOverItsHighestCameras() {
        List<NodeRow> nodes = List.of(node("a", null), node("b", null));
        List<LeaseRow> allOnA = SIX.stream().sorted().map(c -> held(c, "a")).toList();
        LeasePlan a = LeasePlanner.plan("a", NOW, LEASE, nodes, allOnA, SIX);
        assertEquals(List.of("c6", "c5", "c4"), a.release());
        assertEquals(List.of("c1", "c2", "c3"), a.renew());
        LeasePlan bBefore = LeasePlanner.plan("b", NOW, LEASE, nodes, allOnA, SIX);
        assertEquals(List.of(), bBefore.acquire(), "nothing is free until a hands over");
        List<LeaseRow> after = new ArrayList<>(allOnA.subList(0, 3));
        List.of("c4", "c5", "c6").forEach(c -> after.add(free(c)));
        assertEquals(
                List.of("c4", "c5", "c6"),
                LeasePlanner.plan("b", NOW, LEASE, nodes, after, SIX).acquire());
        assertEquals(
                List.of(), LeasePlanner.plan("a", NOW, LEASE, nodes, after, SIX).acquire(), "a is at its allotment");
    }

    @Test
    void aSilentNodesExpiredLeasesGoToTheSurvivor() {
        NodeRow dead = new NodeRow("b", null, NOW.minusSeconds(600), NOW.minusSeconds(25), null, null);
        List<LeaseRow> leases = new ArrayList<>();
        List.of("c1", "c2", "c3").forEach(c -> leases.add(held(c, "a")));
        List.of("c4", "c5", "c6")
                .forEach(c -> leases.add(new LeaseRow(c, "b", NOW.minusSeconds(60), NOW.minusSeconds(1), 40, null)));
        LeasePlan plan = LeasePlanner.plan("a", NOW, LEASE, List.of(node("a", null), dead), leases, SIX);
        assertEquals(List.of("c4", "c5", "c6"), plan.acquire());
        assertEquals(Map.of("a", 6), plan.allotments());
    }

    @Test
    void anUnexpiredLeaseOfASilentNodeIsNotTakenEarly() {
        NodeRow silent = new NodeRow("b", null, NOW.minusSeconds(600), NOW.minusSeconds(25), null, null);
        LeasePlan plan = LeasePlanner.plan(
                "a", NOW, LEASE, List.of(node("a", null), silent), List.of(held("c1", "b")), Set.of("c1"));
        assertEquals(List.of(), plan.acquire(), "the lease decides, not the heartbeat");
    }

    @Test
    void allotmentsFollowNodeIdOrderAndCaps() {
        assertEquals(Map.of("a", 4, "b", 3), LeasePlanner.allotments(7, List.of(node("a", null), node("b", null))));
        assertEquals(Map.of("a", 1, "b", 6), LeasePlanner.allotments(7, List.of(node("a", 1), node("b", null))));
        assertEquals(Map.of("a", 2, "b", 2), LeasePlanner.allotments(7, List.of(node("a", 2), node("b", 2))));
    }

    @Test
    void aCappedNodeStopsAtItsCapAndLeavesTheRestUnheld() {
        LeasePlan plan = LeasePlanner.plan(
                "a",
                NOW,
                LEASE,
                List.of(node("a", 2)),
                SIX.stream().map(LeasePlannerTest::free).toList(),
                SIX);
        assertEquals(List.of("c1", "c2"), plan.acquire());
    }

    @Test
    void disabledOrDeletedCamerasAreHandedBack() {
        LeasePlan plan = LeasePlanner.plan(
                "a", NOW, LEASE, List.of(node("a", null)), List.of(held("c1", "a"), held("gone", "a")), Set.of("c1"));
        assertEquals(List.of("gone"), plan.release());
        assertEquals(List.of("c1"), plan.renew());
    }

    @Test
    void aStoppedNodeIsGivenNoAllotment() {
        NodeRow stopped = new NodeRow("b", null, NOW.minusSeconds(60), NOW.minusSeconds(1), NOW.minusSeconds(1), null);
        LeasePlan plan = LeasePlanner.plan(
                "a",
                NOW,
                LEASE,
                List.of(node("a", null), stopped),
                SIX.stream().map(LeasePlannerTest::free).toList(),
                SIX);
        assertEquals(6, plan.acquire().size());
    }

    /** Nodes each planning on the state the others left converge: every camera held exactly once, allotments met. */
    @Test
    void nodesPlanningInTurnConvergeWithEveryCameraHeldOnce() {
        Set<String> cameras = new TreeSet<>();
        for (int i = 0; i < 25; i++) {
            cameras.add(String.format("cam%02d", i));
        }
        List<NodeRow> nodes = List.of(node("n1", null), node("n2", null), node("n3", 5));
        Map<String, String> holder = new HashMap<>();
        for (int round = 0; round < 10; round++) {
            for (NodeRow n : nodes) {
                List<LeaseRow> rows = cameras.stream()
                        .map(c -> holder.containsKey(c) ? held(c, holder.get(c)) : free(c))
                        .toList();
                LeasePlan plan = LeasePlanner.plan(n.nodeId(), NOW, LEASE, nodes, rows, cameras);
                plan.release().forEach(holder::remove);
                plan.acquire().forEach(c -> assertTrue(holder.putIfAbsent(c, n.nodeId()) == null, "taken twice: " + c));
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        holder.values().forEach(n -> counts.merge(n, 1, Integer::sum));
        assertEquals(cameras, holder.keySet());
        assertEquals(Map.of("n1", 10, "n2", 10, "n3", 5), counts);
    }

    @Test
    void aNodeRenewsTheLeasesItKeepsThenThoseItHandsOverButStillRecords() {
        LeasePlan plan = new LeasePlan(List.of("c2", "c1"), List.of("c5", "c4"), List.of("c6"), Map.of());
        assertEquals(List.of("c2", "c1", "c4"), plan.renewals(Set.of("c1", "c4")::contains));
        assertTrue(plan.holds("c1") && plan.holds("c5"));
        assertFalse(plan.holds("c6"), "a camera it is about to take is not held yet");
    }

    @Test
    void aNodeTakesItsOwnLeasesItDoesNotRecordBeforeUnheldOnes() {
        LeasePlan plan = new LeasePlan(List.of("c1", "c2", "c3"), List.of(), List.of("c4", "c5"), Map.of());
        assertEquals(List.of("c2", "c4", "c5"), plan.toTake(Set.of("c1", "c3")::contains));
    }
}
