package io.vigil.access.audit;

import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log table: rows are only ever added, and only {@link #deleteBefore} (the audit retention) removes
 * them, oldest first. Nothing in Vigil updates a row.
 */
@Singleton
public class AuditLog {

    private static final String COLUMNS = "at_millis, username, role, action, camera_id, range_start_millis, "
            + "range_end_millis, client_address, outcome, http_status, detail";

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    public void record(AuditEvent e) {
        db.update(
                "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.at().toEpochMilli(),
                e.username(),
                e.role(),
                e.action().name(),
                e.cameraId(),
                millis(e.rangeStart()),
                millis(e.rangeEnd()),
                e.clientAddress(),
                e.outcome(),
                e.httpStatus(),
                e.detail());
    }

    public List<AuditEvent> find(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, " + COLUMNS + " FROM audit_event WHERE id "
                + (q.newestFirst() && q.afterId() > 0 ? "<" : ">") + " ?");
        List<Object> params = new ArrayList<>();
        params.add(q.afterId());
        if (q.from() != null) {
            sql.append(" AND at_millis >= ?");
            params.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND at_millis < ?");
            params.add(q.to().toEpochMilli());
        }
        if (q.username() != null) {
            sql.append(" AND username = ?");
            params.add(q.username());
        }
        if (q.cameraId() != null) {
            sql.append(" AND camera_id = ?");
            params.add(q.cameraId());
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            params.add(q.action().name());
        }
        if (q.cameras() != null) {
            if (q.cameras().isEmpty()) {
                return List.of();
            }
            sql.append(" AND camera_id IN (")
                    .append(String.join(", ", q.cameras().stream().map(c -> "?").toList()))
                    .append(")");
            params.addAll(q.cameras());
        }
        sql.append(q.newestFirst() ? " ORDER BY id DESC LIMIT " : " ORDER BY id LIMIT ")
                .append(q.limit());
        return db.query(sql.toString(), AuditLog::event, params.toArray());
    }

    /** Events whose detail mentions {@code subject} (plain text, no wildcards), oldest first, at most {@code limit}. */
    public List<AuditEvent> mentioning(String subject, int limit) {
        return db.query(
                "SELECT id, " + COLUMNS + " FROM audit_event WHERE detail LIKE ? ORDER BY id LIMIT " + limit,
                AuditLog::event,
                "%" + subject + "%");
    }

    /** Deletes events recorded before {@code cutoff}, at most {@code limit} of them; returns how many. */
    public int deleteBefore(Instant cutoff, int limit) {
        return db.update(
                "DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE at_millis < ? ORDER BY id LIMIT "
                        + limit + ")",
                cutoff.toEpochMilli());
    }

    private static Object millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        long start = rs.getLong("range_start_millis");
        boolean hasStart = !rs.wasNull();
        long end = rs.getLong("range_end_millis");
        boolean hasEnd = !rs.wasNull();
        return new AuditEvent(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("at_millis")),
                rs.getString("username"),
                rs.getString("role"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("camera_id"),
                hasStart ? Instant.ofEpochMilli(start) : null,
                hasEnd ? Instant.ofEpochMilli(end) : null,
                rs.getString("client_address"),
                rs.getString("outcome"),
                rs.getInt("http_status"),
                rs.getString("detail"));
    }
}
