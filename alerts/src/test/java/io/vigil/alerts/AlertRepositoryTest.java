package io.vigil.alerts;

import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static io.vigil.camera.CameraStatus.State.UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.OpenCondition;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Alerts, open conditions and deliveries on a real database (H2, and PostgreSQL). */
@Tag(TestDatabase.TAG)
class AlertRepositoryTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository deliveries = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, deliveries);

    static Alert firing(Instant at, AlertedCamera... cameras) {
        return new Alert(
                UUID.randomUUID().toString(), PlannedAlert.Kind.FIRING, "camera-down", List.of(cameras), at, "n1");
    }

    static OpenCondition open(Alert alert, AlertedCamera camera) {
        return new OpenCondition(
                camera.cameraId(), alert.ruleName(), camera.state(), camera.since(), alert.id(), alert.at());
    }

    static Delivery pending(Alert alert) {
        return Delivery.pending(
                UUID.randomUUID().toString(), alert.id(), "webhook", "https://hooks.example.com:443", alert.at());
    }

    @Test
    void aCheckIsStoredWholeAndReadBackAsStored() {
        AlertedCamera a = new AlertedCamera("a", OFFLINE, T.minusSeconds(31));
        AlertedCamera b = new AlertedCamera("b", UNAUTHORIZED, T.minusSeconds(40));
        AlertedCamera c = new AlertedCamera("c", OFFLINE, T.minusSeconds(35));
        Alert digest = firing(T, a, b, c);
        Delivery delivery = pending(digest);
        alerts.record(
                List.of(digest),
                List.of(open(digest, a), open(digest, b), open(digest, c)),
                List.of(),
                List.of(delivery));
        assertEquals(Optional.of(digest), alerts.find(digest.id()));
        assertEquals(
                List.of("a", "b", "c"),
                alerts.open().stream().map(OpenCondition::cameraId).toList());
        assertEquals(open(digest, b), alerts.open().get(1));
        assertEquals(List.of(delivery), deliveries.forAlert(digest.id()));
    }

    @Test
    void anOpenConditionCannotFireTwiceAndTheSecondCheckLeavesNothingBehind() {
        AlertedCamera dock = new AlertedCamera("dock", OFFLINE, T.minusSeconds(31));
        Alert first = firing(T, dock);
        alerts.record(List.of(first), List.of(open(first, dock)), List.of(), List.of(pending(first)));
        Alert second = firing(T.plusSeconds(5), dock); // another node, the same condition
        assertThrows(
                RuntimeException.class,
                () -> alerts.record(List.of(second), List.of(open(second, dock)), List.of(), List.of(pending(second))));
        assertEquals(Optional.empty(), alerts.find(second.id()), "rolled back");
        assertEquals(List.of(), deliveries.forAlert(second.id()));
        assertEquals(List.of(open(first, dock)), alerts.open());
    }

    @Test
    void aRecoveryForgetsTheConditionsItClears() {
        AlertedCamera dock = new AlertedCamera("dock", OFFLINE, T.minusSeconds(31));
        Alert fired = firing(T, dock);
        alerts.record(List.of(fired), List.of(open(fired, dock)), List.of(), List.of());
        Alert recovery = new Alert(
                UUID.randomUUID().toString(),
                PlannedAlert.Kind.RECOVERY,
                "camera-down",
                List.of(new AlertedCamera("dock", RECORDING, T.plusSeconds(60))),
                T.plusSeconds(62),
                "n1");
        alerts.record(List.of(recovery), List.of(), List.of(open(fired, dock)), List.of());
        assertEquals(List.of(), alerts.open());
        assertEquals(List.of(recovery, fired), alerts.recent(10), "newest first");
    }

    @Test
    void anAttemptIsClaimedOnceAndItsOutcomeKept() {
        Alert fired = firing(T, new AlertedCamera("dock", OFFLINE, T.minusSeconds(31)));
        Delivery d = pending(fired);
        alerts.record(List.of(fired), List.of(), List.of(), List.of(d));
        assertEquals(List.of(d), deliveries.due(T, 10));
        assertEquals(List.of(), deliveries.due(T.minusMillis(1), 10), "not due before its time");

        assertTrue(deliveries.claim(d, T, T.plusSeconds(60)));
        assertFalse(deliveries.claim(d, T, T.plusSeconds(60)), "claimed already: the attempts moved on");
        assertEquals(List.of(), deliveries.due(T.plusSeconds(59), 10), "claimed until its take-over time");

        deliveries.attemptFailed(d.id(), 503, "answered HTTP 503", Optional.of(T.plusSeconds(5)));
        Delivery failedOnce = deliveries.find(d.id()).orElseThrow();
        assertEquals(Delivery.State.PENDING, failedOnce.state());
        assertEquals(1, failedOnce.attempts());
        assertEquals(T.plusSeconds(5), failedOnce.nextAttemptAt());
        assertEquals(T, failedOnce.lastAttemptAt());
        assertEquals(503, failedOnce.lastStatus());
        assertEquals("answered HTTP 503", failedOnce.lastError());

        assertTrue(deliveries.claim(failedOnce, T.plusSeconds(5), T.plusSeconds(65)));
        deliveries.delivered(d.id(), T.plusSeconds(6), 204);
        Delivery done = deliveries.find(d.id()).orElseThrow();
        assertEquals(Delivery.State.DELIVERED, done.state());
        assertEquals(2, done.attempts());
        assertEquals(T.plusSeconds(6), done.deliveredAt());
        assertEquals(null, done.nextAttemptAt());
        assertEquals(null, done.lastError());
        assertEquals(List.of(), deliveries.due(T.plusSeconds(3600), 10));
    }

    @Test
    void aDeliveryOutOfAttemptsIsFailedAndNoLongerDue() {
        Alert fired = firing(T, new AlertedCamera("dock", OFFLINE, T.minusSeconds(31)));
        Delivery d = pending(fired);
        alerts.record(List.of(fired), List.of(), List.of(), List.of(d));
        assertTrue(deliveries.claim(d, T, T.plusSeconds(60)));
        deliveries.attemptFailed(d.id(), null, "x".repeat(1000), Optional.empty());
        Delivery failed = deliveries.find(d.id()).orElseThrow();
        assertEquals(Delivery.State.FAILED, failed.state());
        assertEquals(null, failed.lastStatus());
        assertEquals(DeliveryRepository.MAX_ERROR_LENGTH, failed.lastError().length(), "cut to the column");
        assertEquals(List.of(), deliveries.due(T.plusSeconds(3600), 10));
    }
}
