package io.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.FaultRule;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.BackgroundAudit;
import io.vigil.kernel.hook.ServiceFault;
import io.vigil.kernel.hook.ServiceFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The faults' check on a real database: one alert per fault until it clears, node faults judged by their node only. */
class FaultCheckerTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final TestClock clock = new TestClock(T);
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository deliveries = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, deliveries);
    final List<String> audit = new CopyOnWriteArrayList<>();
    final BackgroundAudit auditLog = (action, camera, detail, failed) -> audit.add(action + " " + camera);

    /** What each node's source reports now. */
    final List<ServiceFault> seenByN1 = new CopyOnWriteArrayList<>();

    final List<ServiceFault> seenByN2 = new CopyOnWriteArrayList<>();

    FaultChecker checker(String node, List<ServiceFault> seen) {
        ServiceFaults source = () -> List.copyOf(seen);
        return new FaultChecker(
                alerts,
                List.of(source),
                new FaultRule(30_000, true),
                a -> List.of(Delivery.pending(UUID.randomUUID().toString(), a.id(), "webhook", "https://x", a.at())),
                node,
                clock,
                auditLog);
    }

    final FaultChecker n1 = checker("n1", seenByN1);
    final FaultChecker n2 = checker("n2", seenByN2);

    static List<String> sent(List<Alert> alerts) {
        return alerts.stream().map(a -> a.kind() + " " + a.fault().key()).toList();
    }

    ServiceFault storeDown(Instant since) {
        return new ServiceFault("store-unreachable", ServiceFault.Scope.SERVICE, "The store does not answer", since);
    }

    @Test
    void aStoreOutageFiresOnceAcrossNodesAndRecoversOnce() {
        seenByN1.add(storeDown(T));
        seenByN2.add(storeDown(T.plusSeconds(2)));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), sent(n1.check()), "not due yet");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("FIRING store-unreachable"), sent(n1.check()));
        assertEquals(List.of(), sent(n2.check()), "open: the other node does not fire it again");
        assertEquals(List.of(), sent(n1.check()));
        seenByN1.clear();
        seenByN2.clear();
        assertEquals(List.of("RECOVERY store-unreachable"), sent(n2.check()), "any node may see it clear");
        assertEquals(List.of(), sent(n1.check()), "cleared once");
        assertEquals(2, alerts.recent(10).size());
        assertEquals(2, deliveries.due(clock.instant(), 10).size(), "a delivery per alert");
        assertEquals(List.of("ALERT_FIRE null", "ALERT_RECOVER null"), audit);
    }

    @Test
    void aNodeFaultIsJudgedByItsNodeOnly() {
        seenByN1.add(new ServiceFault("spool-filling", ServiceFault.Scope.NODE, "The spool holds 1700 MiB", T));
        clock.advance(Duration.ofSeconds(30));
        List<Alert> fired = n1.check();
        assertEquals(List.of("FIRING spool-filling@n1"), sent(fired));
        assertEquals(List.of(), sent(n2.check()), "n2 does not see n1's spool, and does not clear it");
        seenByN1.clear();
        assertEquals(List.of("RECOVERY spool-filling@n1"), sent(n1.check()));
    }

    @Test
    void anAlertAboutAFaultReadsBackWithItsFault() {
        seenByN1.add(storeDown(T));
        clock.advance(Duration.ofSeconds(31));
        Alert fired = n1.check().get(0);
        Alert read = alerts.find(fired.id()).orElseThrow();
        assertEquals(fired, read);
        assertEquals(List.of(), read.cameras());
        assertEquals("The store does not answer (for 31 s)", AlertMessage.summary(read));
        assertTrue(AlertMessage.body(read).fault() != null);
    }

    @Test
    void aSourceThatFailsClearsNothing() {
        seenByN1.add(storeDown(T));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, n1.check().size());
        List<ServiceFaults> failing = new ArrayList<>();
        failing.add(() -> {
            throw new IllegalStateException("probe broke");
        });
        FaultChecker broken =
                new FaultChecker(alerts, failing, new FaultRule(30_000, true), a -> List.of(), "n1", clock, auditLog);
        assertEquals(List.of(), broken.check());
        assertEquals(1, alerts.openFaults().size());
    }
}
