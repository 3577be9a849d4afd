package io.vigil.alerts;

import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.camera.CameraStatus.State;
import io.vigil.kernel.database.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How an alert is written to and read from {@code alert} and {@code alert_camera}: its columns, in one place. */
final class AlertRows {

    private AlertRows() {}

    static void insert(Database db, Alert alert) {
        AlertedFault f = alert.fault();
        AlertedEvent e = alert.event();
        db.update(
                "INSERT INTO alert (id, kind, rule_name, camera_count, created_millis, node_id, fault_key, "
                        + "fault_summary, fault_since_millis, event_id, event_label, event_at_millis, event_source) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                alert.id(),
                alert.kind().name(),
                alert.ruleName(),
                alert.cameras().size(),
                alert.at().toEpochMilli(),
                alert.nodeId(),
                f == null ? null : f.key(),
                f == null ? null : f.summary(),
                f == null ? null : f.since().toEpochMilli(),
                e == null ? null : e.id(),
                e == null ? null : e.label(),
                e == null ? null : e.at().toEpochMilli(),
                e == null ? null : e.source());
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

    static final String COLUMNS =
            "id, kind, rule_name, created_millis, node_id, fault_key, fault_summary, fault_since_millis, event_id, "
                    + "event_label, event_at_millis, event_source";

    /** An alert row before its cameras. */
    record Row(
            String id,
            PlannedAlert.Kind kind,
            String ruleName,
            Instant at,
            String nodeId,
            AlertedFault fault,
            AlertedEvent event) {}

    static Row row(ResultSet rs) throws SQLException {
        String faultKey = rs.getString(6);
        return new Row(
                rs.getString(1),
                PlannedAlert.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                faultKey == null
                        ? null
                        : new AlertedFault(faultKey, rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))),
                rs.getString(9) == null
                        ? null
                        : new AlertedEvent(
                                rs.getString(9),
                                rs.getString(10),
                                Instant.ofEpochMilli(rs.getLong(11)),
                                rs.getString(12)));
    }

    static List<Alert> withCameras(Database db, List<Row> rows) {
        List<Alert> alerts = new ArrayList<>();
        for (Row r : rows) {
            List<AlertedCamera> cameras = db.query(
                    "SELECT camera_id, state, since_millis FROM alert_camera WHERE alert_id = ? ORDER BY camera_order",
                    rs -> new AlertedCamera(
                            rs.getString(1), State.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))),
                    r.id());
            alerts.add(new Alert(r.id(), r.kind(), r.ruleName(), cameras, r.fault(), r.event(), r.at(), r.nodeId()));
        }
        return alerts;
    }
}
