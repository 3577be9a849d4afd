package io.vigil.alerts;

import static io.vigil.camera.CameraStatus.State.DISABLED;
import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertRule;
import io.vigil.alerts.plan.CameraObservation;
import io.vigil.alerts.plan.DigestPolicy;
import io.vigil.alerts.plan.OpenCondition;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.alerts.webhook.WebhookTarget;
import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.BackgroundAudit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The check's shell on a real database: the planner's decisions stored, delivered once, audited, across checks. */
class AlertCheckerTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final TestClock clock = new TestClock(T);
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository deliveries = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, deliveries);
    final List<String> audit = new CopyOnWriteArrayList<>();
    final BackgroundAudit auditLog = (action, camera, detail, failed) -> audit.add(action + " " + camera);

    /** The cameras this node judges, by id: state and since. */
    final Map<String, CameraObservation> judged = new LinkedHashMap<>();
    /** Every camera there is. */
    final Set<String> existing = new java.util.HashSet<>();

    final AlertChecker checker = new AlertChecker(
            alerts,
            () -> new CameraStates.Look(new ArrayList<>(judged.values()), Set.copyOf(existing)),
            new AlertChecker.Settings(
                    List.of(AlertRule.cameraDown(30_000)),
                    new DigestPolicy(3, 10_000),
                    List.of(new AlertTarget.Webhook(WebhookTarget.of("https://hooks.example.com/x/SECRET"))),
                    "n1"),
            clock,
            auditLog);

    void camera(String id, State state) {
        existing.add(id);
        judged.put(id, new CameraObservation(id, state, clock.instant()));
    }

    List<String> check() {
        return checker.check().stream()
                .map(a -> a.kind() + " "
                        + String.join(
                                ",", a.cameras().stream().map(c -> c.cameraId()).toList()))
                .toList();
    }

    @Test
    void aCameraDownFiresOnceWithOneDeliveryAndRecoversOnce() {
        camera("dock", RECORDING);
        camera("lobby", RECORDING);
        assertEquals(List.of(), check());
        clock.advance(Duration.ofSeconds(10));
        camera("dock", OFFLINE);
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), check(), "not due yet");
        clock.advance(Duration.ofSeconds(1));
        List<Alert> fired = checker.check();
        assertEquals(1, fired.size());
        Alert alert = fired.get(0);
        assertEquals(PlannedAlert.Kind.FIRING, alert.kind());
        assertEquals(
                List.of("dock"), alert.cameras().stream().map(c -> c.cameraId()).toList());
        List<Delivery> list = deliveries.forAlert(alert.id());
        assertEquals(1, list.size());
        assertEquals("webhook", list.get(0).targetName());
        assertEquals("https://hooks.example.com:443", list.get(0).targetOrigin());
        assertEquals(Delivery.State.PENDING, list.get(0).state());
        assertEquals(
                List.of(new OpenCondition(
                        "dock", "camera-down", OFFLINE, T.plusSeconds(10), alert.id(), clock.instant())),
                alerts.open());

        for (int n = 0; n < 5; n++) {
            clock.advance(Duration.ofSeconds(5));
            assertEquals(List.of(), check(), "no flood while it stays down");
        }
        camera("dock", RECORDING);
        assertEquals(List.of("RECOVERY dock"), check());
        assertEquals(List.of(), alerts.open());
        assertEquals(List.of(), check(), "one recovery");
        assertEquals(List.of("ALERT_FIRE dock", "ALERT_RECOVER dock"), audit);
        assertEquals(2, deliveries.due(clock.instant(), 10).size(), "each alert has its delivery");
    }

    @Test
    void aSwitchDyingSendsOneDigest() {
        for (String id : List.of("c1", "c2", "c3", "c4")) {
            camera(id, OFFLINE);
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("FIRING c1,c2,c3,c4"), check());
        assertEquals(4, alerts.open().size());
        assertEquals(List.of("ALERT_FIRE null"), audit, "a digest names its cameras in the detail");
    }

    @Test
    void aConditionOfACameraAnotherNodeJudgesIsLeftAloneAndOneOfARemovedCameraIsForgotten() {
        camera("dock", OFFLINE);
        camera("gate", OFFLINE);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("FIRING dock", "FIRING gate"), check());
        judged.remove("dock"); // now recorded, and judged, by another node
        existing.remove("gate"); // deleted
        judged.remove("gate");
        assertEquals(List.of(), check());
        assertEquals(
                List.of("dock"),
                alerts.open().stream().map(OpenCondition::cameraId).toList());
    }

    @Test
    void aDisabledCameraClearsWithoutARecovery() {
        camera("dock", OFFLINE);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("FIRING dock"), check());
        camera("dock", DISABLED);
        assertEquals(List.of(), check());
        assertEquals(List.of(), alerts.open());
    }
}
