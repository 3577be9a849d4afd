package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.ServiceFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Silent nodes as service faults, on a real database (its clock is the cluster's). */
class ClusterFaultsTest {

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final ClusterNodes nodes = new ClusterNodes(db);
    final DatabaseTime time = new DatabaseTime(db);
    static final Duration LEASE = Duration.ofSeconds(20);

    ClusterFaults faults(boolean enabled) {
        return new ClusterFaults(
                new ClusterConfig(enabled, "a", null, LEASE, Duration.ofSeconds(2), null), nodes, time);
    }

    void checkIn(String node, Instant at) {
        nodes.checkIn(node, node + "-1", null, null, at, LEASE, true);
    }

    @Test
    void aNodeSilentForALeaseDurationIsAFaultSinceItsLeaseRanOut() {
        Instant now = time.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // the table keeps milliseconds
        checkIn("a", now);
        checkIn("Node_B", now.minusSeconds(60));
        List<ServiceFault> seen = faults(true).current();
        assertEquals(
                List.of("node-silent:node-b"),
                seen.stream().map(ServiceFault::key).toList());
        assertEquals(now.minusSeconds(40), seen.get(0).since());
        assertEquals(ServiceFault.Scope.SERVICE, seen.get(0).scope());
    }

    @Test
    void aNodeThatStoppedCleanlyIsNoFault() {
        Instant now = time.now();
        checkIn("c", now.minusSeconds(60));
        nodes.stopped("c", "c-1", now.minusSeconds(59));
        assertEquals(List.of(), faults(true).current());
    }

    @Test
    void withoutTheClusterThereIsNoFault() {
        checkIn("b", time.now().minusSeconds(60));
        assertEquals(List.of(), faults(false).current());
    }
}
