package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leases and check-ins on a real database (H2, and PostgreSQL): exactly one taker, floors, renewals, releases. */
@Tag(TestDatabase.TAG)
class CameraLeasesTest {

    static final Duration LEASE = Duration.ofSeconds(20);

    Database db;
    CameraLeases leases;
    ClusterNodes nodes;
    Instant now;

    @BeforeEach
    void database() {
        db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        leases = new CameraLeases(db);
        nodes = new ClusterNodes(db);
        now = new DatabaseTime(db).now();
        leases.ensure(List.of("gate", "dock"), Set.of());
        leases.ensure(List.of("gate"), Set.of()); // a row another node already added is not an error
    }

    @Test
    void theDatabaseClockIsRead() {
        assertTrue(
                Duration.between(now, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "database time " + now);
    }

    @Test
    void aHeldLeaseIsNotTakenUntilItExpiresAndThenCarriesTheHoldersFloor() {
        assertEquals(OptionalLong.of(0), leases.acquire("gate", "a", now, now.plus(LEASE)));
        assertEquals(OptionalLong.empty(), leases.acquire("gate", "b", now.plusSeconds(19), now.plusSeconds(39)));
        assertEquals(
                List.of(), leases.renew("a", now.plus(LEASE), Map.of("gate", new CameraLeases.Renewal(170, "{}"))));
        assertEquals(
                OptionalLong.of(170),
                leases.acquire("gate", "b", now.plus(LEASE), now.plusSeconds(40)),
                "after expiry the taker numbers above the dead holder's reservation");
        assertEquals(
                List.of("gate"),
                leases.renew("a", now.plusSeconds(25), Map.of("gate", new CameraLeases.Renewal(200, null))),
                "the old holder learns it lost the lease");
    }

    @Test
    void aCleanReleaseHandsOverTheExactNextSequence() {
        leases.acquire("dock", "a", now, now.plus(LEASE));
        leases.renew("a", now.plus(LEASE), Map.of("dock", new CameraLeases.Renewal(164, null)));
        assertTrue(leases.release("dock", "a", 100));
        assertFalse(leases.release("dock", "a", 100), "only the holder releases");
        assertEquals(OptionalLong.of(100), leases.acquire("dock", "b", now, now.plus(LEASE)));
    }

    @Test
    void theSameNodeRetakesItsOwnLeaseAfterARestartAndNumbersFromItsSpool() {
        leases.acquire("gate", "a", now, now.plus(LEASE));
        leases.renew("a", now.plus(LEASE), Map.of("gate", new CameraLeases.Renewal(500, null)));
        assertEquals(OptionalLong.of(0), leases.acquire("gate", "a", now.plusSeconds(1), now.plusSeconds(21)));
    }

    @Test
    void aNodeThatTookOverAndRestartsKeepsTheDeadHoldersReservation() {
        leases.acquire("dock", "b", now, now.plus(LEASE));
        leases.renew("b", now.plus(LEASE), Map.of("dock", new CameraLeases.Renewal(170, null))); // b dies
        assertEquals(OptionalLong.of(170), leases.acquire("dock", "a", now.plus(LEASE), now.plusSeconds(40)));
        // a restarts before numbering anything: it must not fall back to the index (which may be at 100)
        assertEquals(OptionalLong.of(170), leases.acquire("dock", "a", now.plusSeconds(21), now.plusSeconds(41)));
        assertTrue(leases.release("dock", "a", 100));
        assertEquals(
                OptionalLong.of(170),
                leases.acquire("dock", "c", now.plusSeconds(22), now.plusSeconds(42)),
                "a release never lowers the floor below where its holder started");
    }

    @Test
    void ofManyNodesRacingForOneCameraExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = "n" + i;
                racers.add(
                        () -> leases.acquire("gate", node, now, now.plus(LEASE)).isPresent());
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void checkInsAndACleanStopAreRecorded() {
        assertTrue(nodes.checkIn("a", "pa", "http://127.0.0.1:1", 3, now, LEASE, true));
        assertTrue(nodes.checkIn("a", "pa", "http://127.0.0.1:1", 3, now.plusSeconds(2), LEASE, false));
        assertTrue(nodes.checkIn("b", "pb", null, null, now, LEASE, true));
        assertFalse(
                nodes.checkIn("a", "intruder", null, null, now.plusSeconds(3), LEASE, true),
                "a second live process with node a's id is refused");
        List<NodeRow> all = nodes.all();
        assertEquals(List.of("a", "b"), all.stream().map(NodeRow::nodeId).toList());
        assertEquals(now.plusSeconds(2).toEpochMilli(), all.get(0).heartbeatAt().toEpochMilli());
        assertEquals(now.toEpochMilli(), all.get(0).startedAt().toEpochMilli());
        assertEquals(3, all.get(0).maxCameras());
        assertTrue(all.get(0).live(now.plusSeconds(3), LEASE));
        nodes.stopped("b", "pb", now.plusSeconds(1));
        assertFalse(nodes.all().get(1).live(now.plusSeconds(2), LEASE));
        assertTrue(
                nodes.checkIn("b", "pb2", null, null, now.plusSeconds(4), LEASE, true), "a restart after a clean stop");
        assertTrue(
                nodes.checkIn("a", "pa2", null, null, now.plusSeconds(2 + 21), LEASE, true),
                "a restart after a crash, once the old process is silent for a lease");
    }
}
