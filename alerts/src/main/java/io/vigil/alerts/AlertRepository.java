package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.OpenCondition;
import io.vigil.alerts.plan.OpenFault;
import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code alert}, {@code alert_camera}, {@code alert_condition} and {@code alert_fault} tables (Flyway {@code V30},
 * {@code V32}): plain JDBC,
 * portable SQL. An alert check's outcome is stored in one transaction, its deliveries with it; the condition table's key
 * (camera, rule) refuses a second firing of an open condition, from this node or another.
 */
@Singleton
public class AlertRepository {

    private final Database db;
    private final DeliveryRepository deliveries;

    public AlertRepository(Database db, DeliveryRepository deliveries) {
        this.db = db;
        this.deliveries = deliveries;
    }

    /** Every open condition. */
    public List<OpenCondition> open() {
        return db.query(
                "SELECT camera_id, rule_name, state, since_millis, alert_id, fired_millis FROM alert_condition "
                        + "ORDER BY camera_id, rule_name",
                rs -> new OpenCondition(
                        rs.getString(1),
                        rs.getString(2),
                        State.valueOf(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6))));
    }

    /**
     * Stores an alert check's outcome: its alerts, the conditions that fired (now open), the open conditions that cleared
     * (forgotten) and the alerts' deliveries, all or none.
     */
    public void record(
            List<Alert> alerts, List<OpenCondition> opened, List<OpenCondition> cleared, List<Delivery> toDeliver) {
        db.inTransaction(() -> {
            alerts.forEach(a -> AlertRows.insert(db, a));
            for (OpenCondition c : cleared) {
                db.update(
                        "DELETE FROM alert_condition WHERE camera_id = ? AND rule_name = ? AND alert_id = ?",
                        c.cameraId(),
                        c.ruleName(),
                        c.alertId());
            }
            for (OpenCondition c : opened) {
                db.update(
                        "INSERT INTO alert_condition (camera_id, rule_name, state, since_millis, alert_id, fired_millis) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        c.cameraId(),
                        c.ruleName(),
                        c.state().name(),
                        c.since().toEpochMilli(),
                        c.alertId(),
                        c.firedAt().toEpochMilli());
            }
            deliveries.insert(toDeliver);
            return null;
        });
    }

    /** Every open service fault. */
    public List<OpenFault> openFaults() {
        return db.query(
                "SELECT fault_key, summary, since_millis, alert_id, fired_millis FROM alert_fault ORDER BY fault_key",
                rs -> new OpenFault(
                        new AlertedFault(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
    }

    /**
     * Stores an alert check's outcome for service faults, all or none: each firing alert with its open fault, each
     * cleared fault forgotten and, only when this check is the one that forgot it (another node may have seen it clear
     * first), its recovery; every stored alert with its deliveries. Returns the alerts stored.
     */
    public List<Alert> recordFaults(
            List<Alert> firing, List<ClearedFault> cleared, Function<Alert, List<Delivery>> deliveriesOf) {
        return db.inTransaction(() -> {
            List<Alert> stored = new ArrayList<>();
            for (ClearedFault c : cleared) {
                int gone = db.update(
                        "DELETE FROM alert_fault WHERE fault_key = ? AND alert_id = ?",
                        c.open().key(),
                        c.open().alertId());
                if (gone == 1 && c.recovery() != null) {
                    stored.add(c.recovery());
                }
            }
            for (Alert alert : firing) {
                AlertedFault f = alert.fault();
                db.update(
                        "INSERT INTO alert_fault (fault_key, summary, since_millis, alert_id, fired_millis) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        f.key(),
                        f.summary(),
                        f.since().toEpochMilli(),
                        alert.id(),
                        alert.at().toEpochMilli());
                stored.add(alert);
            }
            List<Delivery> toDeliver = new ArrayList<>();
            for (Alert alert : stored) {
                AlertRows.insert(db, alert);
                toDeliver.addAll(deliveriesOf.apply(alert));
            }
            deliveries.insert(toDeliver);
            return stored;
        });
    }

    /** An open fault that cleared, and its recovery alert (null when the rule sends none). */
    public record ClearedFault(OpenFault open, Alert recovery) {}

    /** Stores an alert that no check decided (an event's), with its deliveries, all or none. */
    public void recordAlone(Alert alert, List<Delivery> toDeliver) {
        db.inTransaction(() -> {
            AlertRows.insert(db, alert);
            deliveries.insert(toDeliver);
            return null;
        });
    }

    /** When each of {@code cameraIds} was last named by an alert under {@code ruleName}; those never named left out. */
    public Map<String, Instant> lastAlerted(String ruleName, List<String> cameraIds) {
        Map<String, Instant> last = new HashMap<>();
        for (String camera : cameraIds) {
            db
                    .query(
                            "SELECT MAX(a.created_millis) FROM alert a JOIN alert_camera c ON c.alert_id = a.id "
                                    + "WHERE a.rule_name = ? AND c.camera_id = ?",
                            rs -> rs.getObject(1) == null ? null : Instant.ofEpochMilli(rs.getLong(1)),
                            ruleName,
                            camera)
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .ifPresent(at -> last.put(camera, at));
        }
        return last;
    }

    public Optional<Alert> find(String id) {
        return AlertRows.withCameras(
                        db, db.query("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ?", AlertRows::row, id))
                .stream()
                .findFirst();
    }

    /** The newest alerts first, at most {@code limit}. */
    public List<Alert> recent(int limit) {
        return AlertRows.withCameras(
                db,
                db.query(
                        "SELECT " + AlertRows.COLUMNS + " FROM alert ORDER BY created_millis DESC, id DESC LIMIT "
                                + Math.max(0, limit),
                        AlertRows::row));
    }

    /**
     * A page of alerts, newest first: those decided before the cursor ({@code afterMillis}, {@code afterId}: the last
     * alert of the page before; null for the first page), at most {@code limit}.
     */
    public List<Alert> page(Long afterMillis, String afterId, int limit) {
        String take = " ORDER BY created_millis DESC, id DESC LIMIT " + Math.max(0, limit);
        if (afterMillis == null) {
            return AlertRows.withCameras(
                    db, db.query("SELECT " + AlertRows.COLUMNS + " FROM alert" + take, AlertRows::row));
        }
        return AlertRows.withCameras(
                db,
                db.query(
                        "SELECT " + AlertRows.COLUMNS
                                + " FROM alert WHERE created_millis < ? OR (created_millis = ? AND id < ?)" + take,
                        AlertRows::row,
                        afterMillis,
                        afterMillis,
                        afterId));
    }
}
