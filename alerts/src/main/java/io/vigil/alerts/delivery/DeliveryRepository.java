package io.vigil.alerts.delivery;

import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code alert_delivery} table (Flyway {@code V30}): plain JDBC, portable SQL. An attempt is claimed before it
 * is made (a compare-and-set on the attempts made), so two nodes never make the same attempt, and a node that dies
 * mid-attempt leaves it to be taken over once its claim runs out.
 */
@Singleton
public class DeliveryRepository {

    private static final String COLUMNS = "id, alert_id, target_name, target_origin, state, attempts, "
            + "next_attempt_millis, last_attempt_millis, last_status, last_error, delivered_millis, created_millis";

    /** The longest error text kept. */
    public static final int MAX_ERROR_LENGTH = 300;

    private final Database db;

    public DeliveryRepository(Database db) {
        this.db = db;
    }

    /** Stores new deliveries (joining the caller's transaction, if any). */
    public void insert(List<Delivery> deliveries) {
        List<Object[]> rows = new ArrayList<>();
        for (Delivery d : deliveries) {
            rows.add(new Object[] {
                d.id(),
                d.alertId(),
                d.targetName(),
                d.targetOrigin(),
                d.state().name(),
                d.attempts(),
                millis(d.nextAttemptAt()),
                millis(d.lastAttemptAt()),
                d.lastStatus(),
                d.lastError(),
                millis(d.deliveredAt()),
                d.createdAt().toEpochMilli()
            });
        }
        db.updateBatch(
                "INSERT INTO alert_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<Delivery> find(String id) {
        return db.query("SELECT " + COLUMNS + " FROM alert_delivery WHERE id = ?", DeliveryRepository::row, id).stream()
                .findFirst();
    }

    /** An alert's delivery list, oldest first. */
    public List<Delivery> forAlert(String alertId) {
        return db.query(
                "SELECT " + COLUMNS + " FROM alert_delivery WHERE alert_id = ? ORDER BY created_millis, id",
                DeliveryRepository::row,
                alertId);
    }

    /** Pending deliveries whose next attempt is due at {@code now}, the longest due first, at most {@code limit}. */
    public List<Delivery> due(Instant now, int limit) {
        return db.query(
                "SELECT " + COLUMNS + " FROM alert_delivery WHERE state = 'PENDING' AND next_attempt_millis <= ? "
                        + "ORDER BY next_attempt_millis, id LIMIT " + Math.max(0, limit),
                DeliveryRepository::row,
                now.toEpochMilli());
    }

    /**
     * Claims the next attempt of {@code d} as read: counts it as made at {@code now} and, until it is recorded, lets
     * another node take it over only from {@code takeOverAt}. False when another node claimed it first.
     */
    public boolean claim(Delivery d, Instant now, Instant takeOverAt) {
        return db.update(
                        "UPDATE alert_delivery SET attempts = attempts + 1, last_attempt_millis = ?, "
                                + "next_attempt_millis = ? WHERE id = ? AND state = 'PENDING' AND attempts = ?",
                        now.toEpochMilli(),
                        takeOverAt.toEpochMilli(),
                        d.id(),
                        d.attempts())
                == 1;
    }

    /** The attempt claimed got a 2xx answer. */
    public void delivered(String id, Instant at, int status) {
        db.update(
                "UPDATE alert_delivery SET state = 'DELIVERED', delivered_millis = ?, last_status = ?, last_error = NULL, "
                        + "next_attempt_millis = NULL WHERE id = ?",
                at.toEpochMilli(),
                status,
                id);
    }

    /** The attempt claimed failed: tried again at {@code next}, or FAILED when there is none. */
    public void attemptFailed(String id, Integer status, String error, Optional<Instant> next) {
        String shortError =
                error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        db.update(
                "UPDATE alert_delivery SET state = ?, last_status = ?, last_error = ?, next_attempt_millis = ? "
                        + "WHERE id = ?",
                next.isPresent() ? "PENDING" : "FAILED",
                status,
                shortError,
                next.map(Instant::toEpochMilli).orElse(null),
                id);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        int status = rs.getInt(9);
        Integer lastStatus = rs.wasNull() ? null : status;
        return new Delivery(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Delivery.State.valueOf(rs.getString(5)),
                rs.getInt(6),
                instant(rs, 7),
                instant(rs, 8),
                lastStatus,
                rs.getString(10),
                instant(rs, 11),
                Instant.ofEpochMilli(rs.getLong(12)));
    }
}
