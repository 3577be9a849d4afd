package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Renewal and taking alone: the kernel hooks faked, the lease rows real (H2, and PostgreSQL). */
@Tag(TestDatabase.TAG)
class LeaseRenewalTest {

    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration CHECK = Duration.ofSeconds(2);

    LeaseFakes fakes = new LeaseFakes();
    CameraLeases leases;
    LeaseTaking taking;
    LeaseRenewal renewal;
    Instant now;

    @BeforeEach
    void threeCameras() {
        Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        leases = new CameraLeases(db);
        now = new DatabaseTime(db).now();
        leases.ensure(List.of("cam1", "cam2", "cam3"), Set.of());
        ClusterConfig config = LeaseFakes.config(LEASE, CHECK);
        NodeIdentity a = new NodeIdentity("a");
        taking = new LeaseTaking(config, a, leases, fakes.leased, fakes.recording, fakes.cameraSequences, fakes.board);
        renewal = new LeaseRenewal(
                config, a, leases, fakes.leased, fakes.recording, fakes.cameraSequences, fakes.reports(config), taking);
    }

    LeaseRow row(String camera) {
        return leases.all().stream()
                .filter(l -> l.cameraId().equals(camera))
                .findFirst()
                .orElseThrow();
    }

    static LeasePlan plan(List<String> renew, List<String> release, List<String> acquire) {
        return new LeasePlan(renew, release, acquire, Map.of());
    }

    void holds(String node, String camera, Instant expires) {
        leases.acquire(camera, node, now.minusSeconds(60), expires);
    }

    @Test
    void aRenewalWritesAFloorAHeadroomAboveTheNumberingAndTheRecordingNodesStatusReport() {
        List.of("cam1", "cam2", "cam3").forEach(c -> holds("a", c, now.plusSeconds(1)));
        fakes.leased.add("cam1");
        fakes.leased.add("cam3");
        fakes.sequences.next = 42;
        renewal.renew(plan(List.of("cam1", "cam2"), List.of("cam3"), List.of()), now);
        assertEquals(List.of(), fakes.events());
        for (String camera : List.of("cam1", "cam2", "cam3")) {
            assertEquals(now.plus(LEASE).toEpochMilli(), row(camera).expiresAt().toEpochMilli(), camera);
            assertEquals(42 + LeaseRenewal.SEQUENCE_HEADROOM, row(camera).sequenceFloor(), camera);
        }
        assertEquals("{\"state\":\"RECORDING\"}", row("cam1").status());
        assertEquals(null, row("cam2").status(), "kept but not recorded here (yet): no report");
        assertEquals("{\"state\":\"RECORDING\"}", row("cam3").status(), "being handed over: renewed until it is");
    }

    @Test
    void aLeaseAnotherNodeHoldsNowIsLostAndItsRecordingStopsHere() {
        holds("b", "cam1", now.plus(LEASE));
        fakes.leased.add("cam1");
        renewal.renew(plan(List.of("cam1"), List.of(), List.of()), now);
        assertEquals(List.of("sync cam1 (assigned: false)"), fakes.events());
        assertEquals("b", row("cam1").nodeId());
    }

    @Test
    void aLapsedLeaseNobodyTookIsTakenBackAndRecordingGoesOnUntouched() {
        holds("a", "cam1", now.minusSeconds(1));
        fakes.leased.add("cam1");
        renewal.renew(plan(List.of(), List.of(), List.of("cam1")), now);
        assertEquals(List.of("claim cam1 from 0 (assigned: true)"), fakes.events());
        assertEquals("a", row("cam1").holderAt(now));
        assertEquals(Set.of("cam1"), fakes.leased.snapshot());
    }

    @Test
    void aLapsedLeaseAnotherNodeTookStopsRecordingHere() {
        holds("b", "cam1", now.plus(LEASE));
        fakes.leased.add("cam1");
        renewal.renew(plan(List.of(), List.of(), List.of()), now);
        assertEquals(List.of("sync cam1 (assigned: false)"), fakes.events());
        assertEquals(Set.of(), fakes.leased.snapshot());
    }

    @Test
    void aTakeClaimsTheFloorForEveryStreamOfTheCameraAndARenewalWritesItAboveBoth() {
        fakes.withSub.add("cam1");
        holds("b", "cam1", now.minusSeconds(40));
        leases.renew("b", now.minusSeconds(1), Map.of("cam1", new CameraLeases.Renewal(170, null)));
        taking.take(plan(List.of(), List.of(), List.of("cam1")), now);
        assertEquals(
                List.of(
                        "claim cam1 from 170 (assigned: false)",
                        "claim cam1.sub from 170 (assigned: false)",
                        "dropRemote cam1",
                        "sync cam1 (assigned: true)"),
                fakes.events());
        fakes.sequences.nextOf.put("cam1.sub", 400L);
        renewal.renew(plan(List.of("cam1"), List.of(), List.of()), now);
        assertEquals(400 + LeaseRenewal.SEQUENCE_HEADROOM, row("cam1").sequenceFloor());
    }

    @Test
    void aTakeClaimsTheFloorTheLastHolderLeftBeforeTheRecorderStarts() {
        holds("b", "cam1", now.minusSeconds(40));
        leases.renew("b", now.minusSeconds(1), Map.of("cam1", new CameraLeases.Renewal(170, null)));
        taking.take(plan(List.of(), List.of(), List.of("cam1")), now);
        assertEquals(
                List.of("claim cam1 from 170 (assigned: false)", "dropRemote cam1", "sync cam1 (assigned: true)"),
                fakes.events());
        assertEquals("a", row("cam1").holderAt(now));
        assertEquals(now.plus(LEASE).toEpochMilli(), row("cam1").expiresAt().toEpochMilli());
    }

    @Test
    void aCameraAnotherNodeHoldsIsNotTaken() {
        holds("b", "cam1", now.plusSeconds(1));
        taking.take(plan(List.of(), List.of(), List.of("cam1")), now);
        assertEquals(List.of(), fakes.events());
        assertEquals(Set.of(), fakes.leased.snapshot());
    }

    @Test
    void aRestartedNodeTakesBackItsOwnLeasesBeforeUnheldOnes() {
        holds("a", "cam3", now.plusSeconds(5));
        fakes.sequences.next = 7;
        taking.take(plan(List.of("cam3"), List.of(), List.of("cam1", "cam2")), now);
        assertEquals(
                List.of("cam3", "cam1", "cam2"),
                fakes.events().stream()
                        .filter(e -> e.startsWith("claim"))
                        .map(e -> e.split(" ")[1])
                        .toList());
        assertEquals(Set.of("cam1", "cam2", "cam3"), fakes.leased.snapshot());
    }
}
