package io.vigil.investigation.event;

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

/**
 * The {@code event} and {@code event_camera} tables (Flyway {@code V26}): plain JDBC, portable SQL. An event's
 * cameras are rows of their own, in the order given, each with the hold the event placed on it.
 */
@Singleton
public class EventRepository {

    private static final String COLUMNS = "e.id, e.start_millis, e.end_millis, e.label, e.note, e.source, "
            + "e.hold_start_millis, e.hold_end_millis, e.created_by, e.created_millis, e.deleted_millis, e.deleted_by";

    private final Database db;

    public EventRepository(Database db) {
        this.db = db;
    }

    /** Stores a new event and its cameras in one transaction. */
    public void insert(Event e) {
        db.inTransaction(() -> {
            db.update(
                    "INSERT INTO event (id, start_millis, end_millis, label, note, source, hold_start_millis, "
                            + "hold_end_millis, created_by, created_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.id(),
                    e.start().toEpochMilli(),
                    millis(e.end()),
                    e.label(),
                    e.note(),
                    e.source(),
                    e.hold() == null ? null : e.hold().start().toEpochMilli(),
                    e.hold() == null ? null : e.hold().end().toEpochMilli(),
                    e.createdBy(),
                    e.created().toEpochMilli());
            List<Object[]> cameras = new ArrayList<>();
            for (int i = 0; i < e.cameraIds().size(); i++) {
                String camera = e.cameraIds().get(i);
                String hold = e.hold() == null ? null : e.hold().holdIds().get(camera);
                cameras.add(new Object[] {e.id(), i, camera, hold});
            }
            db.updateBatch(
                    "INSERT INTO event_camera (event_id, camera_order, camera_id, hold_id) VALUES (?, ?, ?, ?)",
                    cameras);
            return null;
        });
    }

    public Optional<Event> find(String id) {
        List<Row> rows = db.query("SELECT " + COLUMNS + " FROM event e WHERE e.id = ?", EventRepository::row, id);
        return withCameras(rows).stream().findFirst();
    }

    /**
     * The events {@code q} asks for that stand (not deleted), newest first, and one more than its limit when there
     * are more: the caller tells from it whether a next page exists.
     */
    public List<Event> list(EventQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event e WHERE e.deleted_millis IS NULL");
        List<Object> params = new ArrayList<>();
        if (q.end() != null) {
            sql.append(" AND e.start_millis < ?");
            params.add(q.end().toEpochMilli());
        }
        if (q.start() != null) {
            // a point event covers its own millisecond
            sql.append(" AND COALESCE(e.end_millis, e.start_millis + 1) > ?");
            params.add(q.start().toEpochMilli());
        }
        if (q.label() != null) {
            sql.append(" AND e.label = ?");
            params.add(q.label());
        }
        if (q.cameraId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM event_camera c WHERE c.event_id = e.id AND c.camera_id = ?)");
            params.add(q.cameraId());
        }
        if (q.after() != null) {
            sql.append(" AND (e.start_millis < ? OR (e.start_millis = ? AND e.id < ?))");
            params.add(q.after().startMillis());
            params.add(q.after().startMillis());
            params.add(q.after().id());
        }
        sql.append(" ORDER BY e.start_millis DESC, e.id DESC LIMIT ").append(q.limit() + 1);
        return withCameras(db.query(sql.toString(), EventRepository::row, params.toArray()));
    }

    /** Marks the event deleted by {@code by}; false if it was deleted already. */
    public boolean markDeleted(String id, Instant at, String by) {
        return db.update(
                        "UPDATE event SET deleted_millis = ?, deleted_by = ? WHERE id = ? AND deleted_millis IS NULL",
                        at.toEpochMilli(),
                        by,
                        id)
                == 1;
    }

    /** An event row as read, before its cameras. */
    private record Row(
            String id,
            Instant start,
            Instant end,
            String label,
            String note,
            String source,
            Instant holdStart,
            Instant holdEnd,
            String createdBy,
            Instant created,
            Instant deletedAt,
            String deletedBy) {}

    /** The camera rows of one event, in order: camera id to hold id (null without a hold). */
    private List<Event> withCameras(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> cameras = new LinkedHashMap<>();
        String marks = String.join(", ", Collections.nCopies(rows.size(), "?"));
        db.forEach(
                "SELECT event_id, camera_id, hold_id FROM event_camera WHERE event_id IN (" + marks
                        + ") ORDER BY event_id, camera_order",
                rs -> cameras.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)),
                rows.stream().map(Row::id).toArray());
        List<Event> events = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> held = cameras.getOrDefault(r.id(), Map.of());
            EventHold hold = r.holdStart() == null ? null : new EventHold(r.holdStart(), r.holdEnd(), nonNull(held));
            events.add(new Event(
                    r.id(),
                    List.copyOf(held.keySet()),
                    r.start(),
                    r.end(),
                    r.label(),
                    r.note(),
                    r.source(),
                    hold,
                    r.createdBy(),
                    r.created(),
                    r.deletedAt(),
                    r.deletedBy()));
        }
        return events;
    }

    private static Map<String, String> nonNull(Map<String, String> held) {
        Map<String, String> ids = new LinkedHashMap<>();
        held.forEach((camera, hold) -> {
            if (hold != null) {
                ids.put(camera, hold);
            }
        });
        return ids;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                instant(rs, 3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs, 7),
                instant(rs, 8),
                rs.getString(9),
                Instant.ofEpochMilli(rs.getLong(10)),
                instant(rs, 11),
                rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Object millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
