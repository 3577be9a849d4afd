package io.vigil.cluster;

import io.micronaut.core.annotation.Nullable;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The {@code cluster_node} table: every node's check-ins. */
@Singleton
public class ClusterNodes {

    /** A node silent this long is dropped from the table (and from {@code GET /api/cluster}). */
    static final Duration FORGET_AFTER = Duration.ofDays(7);

    private static final String COLUMNS =
            "node_id, advertised_url, started_millis, heartbeat_millis, stopped_millis, max_cameras";

    private final Database db;

    public ClusterNodes(Database db) {
        this.db = db;
    }

    /**
     * Records a check-in of this process ({@code instanceId}) as node {@code nodeId}; {@code first} marks its first
     * (its start). Returns false, recording nothing, when another live process checks in under the same node id
     * (heartbeat within {@code liveFor}, not stopped): two processes must never share a node id, or they would take
     * each other's leases for their own.
     */
    public boolean checkIn(
            String nodeId,
            String instanceId,
            @Nullable String advertisedUrl,
            @Nullable Integer maxCameras,
            Instant now,
            Duration liveFor,
            boolean first) {
        long millis = now.toEpochMilli();
        return db.inTransaction(() -> {
            int updated = db.update(
                    "UPDATE cluster_node SET advertised_url = ?, heartbeat_millis = ?, stopped_millis = NULL, "
                            + "max_cameras = ?, instance_id = ?" + (first ? ", started_millis = " + millis : "")
                            + " WHERE node_id = ? AND (instance_id = ? OR stopped_millis IS NOT NULL OR heartbeat_millis <= ?)",
                    advertisedUrl,
                    millis,
                    maxCameras,
                    instanceId,
                    nodeId,
                    instanceId,
                    millis - liveFor.toMillis());
            if (updated == 0) {
                if (!db.query("SELECT node_id FROM cluster_node WHERE node_id = ?", rs -> 1, nodeId)
                        .isEmpty()) {
                    return false;
                }
                db.update(
                        "INSERT INTO cluster_node (" + COLUMNS + ", instance_id) VALUES (?, ?, ?, ?, NULL, ?, ?)",
                        nodeId,
                        advertisedUrl,
                        millis,
                        millis,
                        maxCameras,
                        instanceId);
            }
            db.update("DELETE FROM cluster_node WHERE heartbeat_millis < ?", millis - FORGET_AFTER.toMillis());
            return true;
        });
    }

    /** The node stopped cleanly: the others stop counting it at once. */
    public void stopped(String nodeId, String instanceId, Instant now) {
        db.update(
                "UPDATE cluster_node SET stopped_millis = ? WHERE node_id = ? AND instance_id = ?",
                now.toEpochMilli(),
                nodeId,
                instanceId);
    }

    public List<NodeRow> all() {
        return db.query("SELECT " + COLUMNS + " FROM cluster_node ORDER BY node_id", ClusterNodes::node);
    }

    private static NodeRow node(ResultSet rs) throws SQLException {
        long stopped = rs.getLong("stopped_millis");
        boolean running = rs.wasNull();
        int max = rs.getInt("max_cameras");
        boolean uncapped = rs.wasNull();
        return new NodeRow(
                rs.getString("node_id"),
                rs.getString("advertised_url"),
                Instant.ofEpochMilli(rs.getLong("started_millis")),
                Instant.ofEpochMilli(rs.getLong("heartbeat_millis")),
                running ? null : Instant.ofEpochMilli(stopped),
                uncapped ? null : max);
    }
}
