package io.vigil.investigation.incident;

import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code incident} and {@code incident_camera} tables (Flyway {@code V28}): plain JDBC, portable SQL. */
@Singleton
public class IncidentRepository {

    private static final String COLUMNS = "id, title, start_millis, end_millis, reason, opened_by, opened_millis, "
            + "closed_by, closed_millis, close_note";

    private final Database db;

    public IncidentRepository(Database db) {
        this.db = db;
    }

    /** Stores a new incident and its cameras with their holds, in one transaction. */
    public void insert(Incident i) {
        db.inTransaction(() -> {
            db.update(
                    "INSERT INTO incident (id, title, start_millis, end_millis, reason, opened_by, opened_millis) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    i.id(),
                    i.title(),
                    i.start().toEpochMilli(),
                    i.end().toEpochMilli(),
                    i.reason(),
                    i.openedBy(),
                    i.openedAt().toEpochMilli());
            List<Object[]> cameras = new ArrayList<>();
            for (int n = 0; n < i.cameraIds().size(); n++) {
                String camera = i.cameraIds().get(n);
                cameras.add(new Object[] {i.id(), n, camera, i.holdIds().get(camera)});
            }
            db.updateBatch(
                    "INSERT INTO incident_camera (incident_id, camera_order, camera_id, hold_id) VALUES (?, ?, ?, ?)",
                    cameras);
            return null;
        });
    }

    public Optional<Incident> find(String id) {
        return withCameras(db.query("SELECT " + COLUMNS + " FROM incident WHERE id = ?", IncidentRepository::row, id))
                .stream()
                .findFirst();
    }

    /** Incidents newest first, open ones only unless {@code closedToo}; at most {@code limit}. */
    public List<Incident> list(boolean closedToo, int limit) {
        return withCameras(db.query(
                "SELECT " + COLUMNS + " FROM incident" + (closedToo ? "" : " WHERE closed_millis IS NULL")
                        + " ORDER BY opened_millis DESC, id DESC LIMIT " + limit,
                IncidentRepository::row));
    }

    /** Marks the incident closed; false if it was closed already (by someone else meanwhile). */
    public boolean markClosed(String id, Instant at, String by, String note) {
        return db.update(
                        "UPDATE incident SET closed_millis = ?, closed_by = ?, close_note = ? "
                                + "WHERE id = ? AND closed_millis IS NULL",
                        at.toEpochMilli(),
                        by,
                        note,
                        id)
                == 1;
    }

    /** An incident row as read, before its cameras. */
    private record Row(
            String id,
            String title,
            Instant start,
            Instant end,
            String reason,
            String openedBy,
            Instant openedAt,
            String closedBy,
            Instant closedAt,
            String closeNote) {}

    private List<Incident> withCameras(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> cameras = new LinkedHashMap<>();
        db.forEach(
                "SELECT incident_id, camera_id, hold_id FROM incident_camera WHERE incident_id IN ("
                        + String.join(", ", Collections.nCopies(rows.size(), "?"))
                        + ") ORDER BY incident_id, camera_order",
                rs -> cameras.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)),
                rows.stream().map(Row::id).toArray());
        List<Incident> incidents = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> held = cameras.getOrDefault(r.id(), Map.of());
            incidents.add(new Incident(
                    r.id(),
                    r.title(),
                    List.copyOf(held.keySet()),
                    r.start(),
                    r.end(),
                    r.reason(),
                    held,
                    r.closedAt() == null ? Incident.Status.OPEN : Incident.Status.CLOSED,
                    r.openedBy(),
                    r.openedAt(),
                    r.closedBy(),
                    r.closedAt(),
                    r.closeNote()));
        }
        return incidents;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long closed = rs.getLong(9);
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        return new Row(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                rs.getString(8),
                closedAt,
                rs.getString(10));
    }
}
