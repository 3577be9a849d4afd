package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hand-over alone: the kernel hooks faked, the lease rows real (H2, and PostgreSQL). */
@Tag(TestDatabase.TAG)
class HandOverTest {

    static final Duration LEASE = Duration.ofMillis(400);
    static final Duration CHECK = Duration.ofMillis(100);

    LeaseFakes fakes = new LeaseFakes();
    CameraLeases leases;
    HandOver handOver;
    Instant now;

    @BeforeEach
    void nodeAHoldsTwoCameras() {
        Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
        leases = new CameraLeases(db);
        now = new DatabaseTime(db).now();
        leases.ensure(List.of("cam1", "cam2"), Set.of());
        for (String camera : List.of("cam1", "cam2")) {
            leases.acquire(camera, "a", now, now.plusSeconds(60));
            fakes.leased.add(camera);
        }
        fakes.sequences.next = 137;
        handOver = new HandOver(
                LeaseFakes.config(LEASE, CHECK),
                new NodeIdentity("a"),
                leases,
                fakes.leased,
                fakes.recording,
                fakes.cameraSequences);
    }

    LeaseRow row(String camera) {
        return leases.all().stream()
                .filter(l -> l.cameraId().equals(camera))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theRecorderStopsThenTheExactNextSequenceIsReadThenTheLeaseIsReleasedWithIt() {
        fakes.sequences.onNext = camera ->
                assertEquals("a", row(camera).nodeId(), "the lease is still held while the last segment is numbered");
        handOver.handOver(List.of("cam1"), System.nanoTime());
        assertEquals(List.of("sync cam1 (assigned: false)", "stopped? cam1", "nextSequence cam1"), fakes.events());
        assertEquals(null, row("cam1").nodeId());
        assertEquals(137, row("cam1").sequenceFloor());
        assertEquals(
                OptionalLong.of(137),
                leases.acquire("cam1", "b", now, now.plusSeconds(60)),
                "the next holder numbers on from exactly there");
        assertEquals(Set.of("cam2"), fakes.leased.snapshot());
        assertEquals("a", row("cam2").nodeId(), "only the camera handed over is released");
    }

    @Test
    void aCameraWithASubStreamIsReleasedAboveTheNumberingOfBothItsStreams() {
        fakes.withSub.add("cam1");
        fakes.sequences.nextOf.put("cam1.sub", 900L);
        handOver.handOver(List.of("cam1"), System.nanoTime());
        assertEquals(
                List.of("sync cam1 (assigned: false)", "stopped? cam1", "nextSequence cam1", "nextSequence cam1.sub"),
                fakes.events());
        assertEquals(900, row("cam1").sequenceFloor(), "the sub stream numbers ahead of the main: its floor counts");
    }

    @Test
    void aRecorderThatDoesNotStopWithinAQuarterLeaseLeavesItsLeaseToExpire() {
        fakes.recording.stuck("cam1");
        long startedNanos = System.nanoTime();
        handOver.handOver(List.of("cam1"), startedNanos);
        assertTrue(System.nanoTime() - startedNanos >= LEASE.toNanos() / 4, "it waited a quarter lease");
        assertEquals(
                List.of("sync cam1 (assigned: false)", "stopped? cam1"),
                fakes.events(),
                "no sequence is read: there is no exact one");
        assertEquals("a", row("cam1").nodeId());
        assertFalse(fakes.leased.recordsHere("cam1"), "it is not recorded here any more");
    }

    @Test
    void aCheckHandsOverNothingMoreOnceAQuarterLeaseHasGone() {
        handOver.handOver(List.of("cam1", "cam2"), System.nanoTime() - LEASE.toNanos() / 4 - 1);
        assertEquals(List.of(), fakes.events());
        assertEquals(Set.of("cam1", "cam2"), fakes.leased.snapshot(), "the rest go at the next check");
    }

    @Test
    void aCleanStopStopsEveryRecorderFirstThenReleasesEachStoppedCameraWithItsExactFloor() {
        fakes.recording.stuck("cam2");
        assertEquals(2, handOver.handOverAll());
        assertEquals(List.of("stopAll", "stopped? cam1", "nextSequence cam1", "stopped? cam2"), fakes.events());
        assertEquals(null, row("cam1").nodeId());
        assertEquals(137, row("cam1").sequenceFloor());
        assertEquals("a", row("cam2").nodeId(), "a recorder that did not stop in time leaves its lease to expire");
        assertEquals(Set.of(), fakes.leased.snapshot());
    }
}
