package io.vigil.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.NodeIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fencing alone, on a hand-set clock: no database anywhere, and the kernel hooks faked. */
class FencingTest {

    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration CHECK = Duration.ofSeconds(2);
    static final String WHY = "not recorded by node a: it lost contact with the database and gave up its lease";

    LeaseFakes fakes = new LeaseFakes();
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    Fencing fencing = fencing(LeaseFakes.config(LEASE, CHECK), nanos::get);

    Fencing fencing(ClusterConfig config, LongSupplier nanoTime) {
        fakes.leased.add("cam1");
        fakes.leased.add("cam2");
        return new Fencing(config, new NodeIdentity("a"), fakes.leased, fakes.recording, fakes.board, nanoTime);
    }

    @AfterEach
    void stop() {
        fencing.stop();
    }

    void after(Duration silence) {
        nanos.addAndGet(silence.toNanos());
    }

    @Test
    void aNodeStopsRecordingEveryCameraACheckIntervalBeforeItsLeasesWouldExpire() {
        fencing.renewed(nanos.get());
        after(LEASE.minus(CHECK).minusMillis(1));
        fencing.fenceIfSilent();
        assertEquals(List.of(), fakes.events(), "17.999 s after the last renewal began it records on");
        after(Duration.ofMillis(1));
        fencing.fenceIfSilent();
        assertEquals(
                List.of("stopNow cam1", "report cam1 OFFLINE: " + WHY, "stopNow cam2", "report cam2 OFFLINE: " + WHY),
                fakes.events());
        assertEquals(Set.of(), fakes.leased.snapshot(), "and nothing restarts them: the assignment says no");
    }

    @Test
    void aCameraThatCannotBeStoppedDoesNotKeepTheOthersRecording() {
        fakes.recording.failingStops.add("cam1");
        fencing.renewed(nanos.get());
        after(LEASE);
        fencing.fenceIfSilent();
        assertEquals(
                List.of("stopNow cam1", "report cam1 OFFLINE: " + WHY, "stopNow cam2", "report cam2 OFFLINE: " + WHY),
                fakes.events());
        assertEquals(Set.of(), fakes.leased.snapshot());
    }

    @Test
    void eachRenewalPutsTheFenceALeaseMinusACheckIntervalAwayAgain() {
        for (int i = 0; i < 5; i++) {
            after(LEASE.minus(CHECK).minusMillis(1));
            fencing.renewed(nanos.get());
            fencing.fenceIfSilent();
        }
        assertEquals(List.of(), fakes.events());
        assertEquals(Set.of("cam1", "cam2"), fakes.leased.snapshot());
    }

    @Test
    void aNodeStoppingCleanlyIsNotFenced() {
        fencing.stop();
        after(LEASE.multipliedBy(2));
        fencing.fenceIfSilent();
        assertEquals(List.of(), fakes.events(), "the clean stop hands its cameras over instead");
    }

    /** The watchdog on its own thread fences while the check's lock is held, as by a check stuck in the database. */
    @Test
    void theWatchdogFencesWhileACheckHoldsTheLoopsLock() throws InterruptedException {
        fencing.stop();
        fakes = new LeaseFakes();
        fencing = fencing(LeaseFakes.config(Duration.ofMillis(400), Duration.ofMillis(100)), System::nanoTime);
        LeaseKeeper keeper = new LeaseKeeper(
                LeaseFakes.config(LEASE, CHECK),
                new NodeIdentity("a"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                fencing);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (keeper) {
            fencing.start();
            while (fakes.events().size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(
                List.of("stopNow cam1", "report cam1 OFFLINE: " + WHY, "stopNow cam2", "report cam2 OFFLINE: " + WHY),
                fakes.events());
        assertEquals(Set.of(), fakes.leased.snapshot());
    }
}
