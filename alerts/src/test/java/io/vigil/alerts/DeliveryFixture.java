package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.delivery.RetryPolicy;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.camera.CameraStatus;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.BackgroundAudit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a delivery test stands on: the alert tables on a fresh database, an audit log kept as lines
 * ({@code ACTION camera detail [failed]}), alerts about camera dock to deliver, and {@link Deliveries} over channels.
 */
final class DeliveryFixture {

    final TestClock clock;
    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository rows = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, rows);
    final List<String> audit = new CopyOnWriteArrayList<>();
    final BackgroundAudit auditLog = (action, camera, detail, failed) ->
            audit.add(action + " " + camera + " " + detail + (failed ? " [failed]" : ""));

    DeliveryFixture(TestClock clock) {
        this.clock = clock;
    }

    /** The deliveries through {@code channels}, retried by {@code retry}, an attempt claimed for its channel's longest and 30 s. */
    Deliveries deliveries(RetryPolicy retry, Channel... channels) {
        return new Deliveries(
                rows, alerts, new Deliveries.Route(List.of(channels), retry, Duration.ofSeconds(30)), clock, auditLog);
    }

    /** A firing about dock (OFFLINE for 31 s, node n1) with one pending delivery to {@code target}, due now. */
    Delivery alertFor(AlertTarget target) {
        Alert alert = new Alert(
                UUID.randomUUID().toString(),
                PlannedAlert.Kind.FIRING,
                "camera-down",
                List.of(new AlertedCamera(
                        "dock", CameraStatus.State.OFFLINE, clock.instant().minusSeconds(31))),
                clock.instant(),
                "n1");
        Delivery d = Delivery.pending(
                UUID.randomUUID().toString(), alert.id(), target.name(), target.origin(), clock.instant());
        alerts.record(List.of(alert), List.of(), List.of(), List.of(d));
        return d;
    }

    /** The delivery as stored now. */
    Delivery row(Delivery d) {
        return rows.find(d.id()).orElseThrow();
    }
}
