package io.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.CameraObservation;
import io.vigil.alerts.plan.EventRule;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.EventPosted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Event alerts on a real database: stored with a delivery, audited, the cooldown read back from the alerts kept. */
class EventAlertsTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final TestClock clock = new TestClock(T);
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository deliveries = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, deliveries);
    final List<String> audit = new CopyOnWriteArrayList<>();
    final EventAlerts eventAlerts = new EventAlerts(
            alerts,
            () -> List.of(new EventRule("dock-person", "person", Set.of("dock"), 60_000)),
            id -> id.equals("gone") ? Optional.empty() : Optional.of(new CameraObservation(id, State.RECORDING, T)),
            new AlertTargets(WebhookTarget.of("https://hooks.example.com/x/SECRET")),
            "n1",
            clock,
            (action, camera, detail, failed) -> audit.add(action + " " + camera + " " + detail));

    static EventPosted posted(String label, String... cameras) {
        return new EventPosted(
                "0e0e0000-0000-4000-8000-00000000000" + cameras.length,
                label,
                List.of(cameras),
                T.minusSeconds(2),
                "door-panel",
                "token:doors");
    }

    @Test
    void aMatchingEventIsOneStoredAlertWithItsDeliveryAndAuditRow() {
        List<Alert> sent = eventAlerts.send(posted("person", "dock", "lobby"));
        assertEquals(1, sent.size());
        Alert read = alerts.find(sent.get(0).id()).orElseThrow();
        assertEquals(sent.get(0), read);
        assertEquals("Event \"person\" on dock at 2026-12-07T11:59:58Z", AlertMessage.summary(read));
        assertEquals("door-panel", read.event().source());
        assertEquals(1, deliveries.forAlert(read.id()).size());
        assertEquals(
                "https://hooks.example.com:443",
                deliveries.forAlert(read.id()).get(0).targetOrigin());
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).startsWith("ALERT_FIRE dock alert " + read.id()), audit.get(0));
    }

    @Test
    void theCooldownComesFromTheAlertsKept() {
        assertEquals(1, eventAlerts.send(posted("person", "dock")).size());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, eventAlerts.send(posted("person", "dock")).size(), "within the cooldown");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, eventAlerts.send(posted("person", "dock")).size());
    }

    @Test
    void aCameraThatIsGoneIsNotNamedAndAnEventOfOnlyGoneCamerasSendsNothing() {
        EventAlerts anyCamera = new EventAlerts(
                alerts,
                () -> List.of(new EventRule("any", "person", Set.of(), 0)),
                id -> id.equals("gone") ? Optional.empty() : Optional.of(new CameraObservation(id, State.OFFLINE, T)),
                new AlertTargets(WebhookTarget.of("https://hooks.example.com/x")),
                "n1",
                clock,
                (a, c, d, f) -> {});
        assertEquals(List.of(), anyCamera.send(posted("person", "gone")));
        Alert sent = anyCamera.send(posted("person", "gone", "yard")).get(0);
        assertEquals(
                List.of("yard"), sent.cameras().stream().map(c -> c.cameraId()).toList());
        assertEquals(State.OFFLINE, sent.cameras().get(0).state(), "each camera with its state now");
    }
}
