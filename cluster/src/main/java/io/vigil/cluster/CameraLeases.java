package io.vigil.cluster;

import io.micronaut.core.annotation.Nullable;
import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code camera_lease} table. Every change is a compare-and-set on the row (its holder and expiry in the
 * {@code WHERE}), taken under the row's lock: of two nodes racing for a camera exactly one gets it, in H2 and
 * PostgreSQL alike.
 */
@Singleton
public class CameraLeases {

    private static final String COLUMNS = "camera_id, node_id, acquired_millis, expires_millis, sequence_floor, status";

    private final Database db;

    public CameraLeases(Database db) {
        this.db = db;
    }

    public List<LeaseRow> all() {
        return db.query("SELECT " + COLUMNS + " FROM camera_lease ORDER BY camera_id", CameraLeases::lease);
    }

    /** Adds an unheld lease row for each camera that has none (another node adding the same row at once is fine). */
    public void ensure(Collection<String> cameraIds, Set<String> existing) {
        for (String cameraId : cameraIds) {
            if (existing.contains(cameraId)) {
                continue;
            }
            try {
                db.update(
                        "INSERT INTO camera_lease (" + COLUMNS + ", acquired_floor) VALUES (?, NULL, 0, 0, 0, NULL, 0)",
                        cameraId);
            } catch (VigilException e) {
                if (!duplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Takes the camera's lease if nobody holds it at {@code now}. Returns the sequence floor to number from: the
     * row's; or, when this same node held it last (a restart, whose own spool knows its numbering), the floor it
     * had when it acquired it, so its numbering goes on without a jump; or empty when another node holds it.
     */
    public OptionalLong acquire(String cameraId, String nodeId, Instant now, Instant expires) {
        long nowMillis = now.toEpochMilli();
        return db.inTransaction(() -> {
            // one read, under the row's lock: the holder, its expiry, and both floors
            List<Locked> rows = db.query(
                    "SELECT " + COLUMNS + ", acquired_floor FROM camera_lease WHERE camera_id = ? " + "FOR UPDATE",
                    rs -> new Locked(lease(rs), rs.getLong("acquired_floor")),
                    cameraId);
            if (rows.isEmpty()) {
                return OptionalLong.empty();
            }
            LeaseRow row = rows.get(0).lease();
            String holder = row.holderAt(now);
            if (holder != null && !holder.equals(nodeId)) {
                return OptionalLong.empty();
            }
            long floor = nodeId.equals(row.nodeId()) ? rows.get(0).acquiredFloor() : row.sequenceFloor();
            int taken = db.update(
                    "UPDATE camera_lease SET node_id = ?, acquired_millis = ?, expires_millis = ?, "
                            + "acquired_floor = ? WHERE camera_id = ? AND (node_id IS NULL OR node_id = ? OR expires_millis <= ?)",
                    nodeId,
                    nowMillis,
                    expires.toEpochMilli(),
                    floor,
                    cameraId,
                    nodeId,
                    nowMillis);
            if (taken == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(floor);
        });
    }

    /** Renews the node's leases; returns the cameras whose lease it turned out not to hold any more. */
    public List<String> renew(String nodeId, Instant expires, Map<String, Renewal> renewals) {
        return db.inTransaction(() -> {
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, Renewal> r : renewals.entrySet()) {
                int kept = db.update(
                        "UPDATE camera_lease SET expires_millis = ?, sequence_floor = GREATEST(sequence_floor, ?), "
                                + "status = ? WHERE camera_id = ? AND node_id = ?",
                        expires.toEpochMilli(),
                        r.getValue().sequenceFloor(),
                        r.getValue().status(),
                        r.getKey(),
                        nodeId);
                if (kept == 0) {
                    lost.add(r.getKey());
                }
            }
            return lost;
        });
    }

    /** Hands the lease back; the next holder numbers from exactly {@code nextSequence}. */
    public boolean release(String cameraId, String nodeId, long nextSequence) {
        return db.update(
                        "UPDATE camera_lease SET node_id = NULL, expires_millis = 0, "
                                + "sequence_floor = GREATEST(acquired_floor, ?), status = NULL WHERE camera_id = ? AND node_id = ?",
                        nextSequence,
                        cameraId,
                        nodeId)
                > 0;
    }

    /** A lease row read for taking it, with the floor its holder started from. */
    private record Locked(LeaseRow lease, long acquiredFloor) {}

    /** What a holder writes at each renewal: a floor above its numbering, and its status report. */
    public record Renewal(long sequenceFloor, @Nullable String status) {}

    private static boolean duplicateKey(VigilException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static LeaseRow lease(ResultSet rs) throws SQLException {
        return new LeaseRow(
                rs.getString("camera_id"),
                rs.getString("node_id"),
                Instant.ofEpochMilli(rs.getLong("acquired_millis")),
                Instant.ofEpochMilli(rs.getLong("expires_millis")),
                rs.getLong("sequence_floor"),
                rs.getString("status"));
    }
}
