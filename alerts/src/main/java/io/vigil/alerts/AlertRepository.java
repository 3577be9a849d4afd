package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.OpenCondition;
import io.vigil.alerts.plan.OpenFault;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            alerts.forEach(this::insert);
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
                insert(alert);
                toDeliver.addAll(deliveriesOf.apply(alert));
            }
            deliveries.insert(toDeliver);
            return stored;
        });
    }

    /** An open fault that cleared, and its recovery alert (null when the rule sends none). */
    public record ClearedFault(OpenFault open, Alert recovery) {}

    private void insert(Alert alert) {
        AlertedFault f = alert.fault();
        db.update(
                "INSERT INTO alert (id, kind, rule_name, camera_count, created_millis, node_id, fault_key, "
                        + "fault_summary, fault_since_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                alert.id(),
                alert.kind().name(),
                alert.ruleName(),
                alert.cameras().size(),
                alert.at().toEpochMilli(),
                alert.nodeId(),
                f == null ? null : f.key(),
                f == null ? null : f.summary(),
                f == null ? null : f.since().toEpochMilli());
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < alert.cameras().size(); n++) {
            AlertedCamera c = alert.cameras().get(n);
            rows.add(new Object[] {
                alert.id(), n, c.cameraId(), c.state().name(), c.since().toEpochMilli()
            });
        }
        if (!rows.isEmpty()) {
            db.updateBatch(
                    "INSERT INTO alert_camera (alert_id, camera_order, camera_id, state, since_millis) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    rows);
        }
    }

    public Optional<Alert> find(String id) {
        return withCameras(db.query("SELECT " + COLUMNS + " FROM alert WHERE id = ?", AlertRepository::row, id))
                .stream()
                .findFirst();
    }

    /** The newest alerts first, at most {@code limit}. */
    public List<Alert> recent(int limit) {
        return withCameras(db.query(
                "SELECT " + COLUMNS + " FROM alert ORDER BY created_millis DESC, id DESC LIMIT " + Math.max(0, limit),
                AlertRepository::row));
    }

    /**
     * A page of alerts, newest first: those decided before the cursor ({@code afterMillis}, {@code afterId}: the last
     * alert of the page before; null for the first page), at most {@code limit}.
     */
    public List<Alert> page(Long afterMillis, String afterId, int limit) {
        String take = " ORDER BY created_millis DESC, id DESC LIMIT " + Math.max(0, limit);
        if (afterMillis == null) {
            return withCameras(db.query("SELECT " + COLUMNS + " FROM alert" + take, AlertRepository::row));
        }
        return withCameras(db.query(
                "SELECT " + COLUMNS + " FROM alert WHERE created_millis < ? OR (created_millis = ? AND id < ?)" + take,
                AlertRepository::row,
                afterMillis,
                afterMillis,
                afterId));
    }

    private static final String COLUMNS =
            "id, kind, rule_name, created_millis, node_id, fault_key, fault_summary, fault_since_millis";

    /** An alert row before its cameras. */
    private record Row(
            String id, PlannedAlert.Kind kind, String ruleName, Instant at, String nodeId, AlertedFault fault) {}

    private static Row row(ResultSet rs) throws SQLException {
        String faultKey = rs.getString(6);
        return new Row(
                rs.getString(1),
                PlannedAlert.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                faultKey == null
                        ? null
                        : new AlertedFault(faultKey, rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
    }

    private List<Alert> withCameras(List<Row> rows) {
        List<Alert> alerts = new ArrayList<>();
        for (Row r : rows) {
            List<AlertedCamera> cameras = db.query(
                    "SELECT camera_id, state, since_millis FROM alert_camera WHERE alert_id = ? ORDER BY camera_order",
                    rs -> new AlertedCamera(
                            rs.getString(1), State.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))),
                    r.id());
            alerts.add(new Alert(r.id(), r.kind(), r.ruleName(), cameras, r.fault(), r.at(), r.nodeId()));
        }
        return alerts;
    }
}
