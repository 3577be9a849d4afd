package io.vigil.retention.run;

import io.micronaut.core.annotation.Nullable;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The record of retention runs ({@code retention_run}). */
@Singleton
public class RetentionRuns {

    private static final String COLUMNS =
            "id, trigger_name, started_millis, finished_millis, outcome, segments_deleted_age, "
                    + "segments_deleted_quota, bytes_deleted, init_segments_deleted, segments_failed, segments_held, detail";
    private static final int MAX_DETAIL_CHARS = 4000;
    private static final String SEPARATOR = "\n";

    private final Database db;
    private final NodeIdentity node;

    public RetentionRuns(Database db, NodeIdentity node) {
        this.db = db;
        this.node = node;
    }

    /** Records a run, with this node's id and, for a scheduled run, the fire time it was scheduled for. */
    public void record(RunSummary r, @Nullable Instant scheduledFor) {
        String detail = String.join(SEPARATOR, r.details());
        db.update(
                "INSERT INTO retention_run (" + COLUMNS + ", node_id, scheduled_millis) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.trigger(),
                r.started().toEpochMilli(),
                r.finished().toEpochMilli(),
                r.outcome().name(),
                r.segmentsDeletedAge(),
                r.segmentsDeletedQuota(),
                r.bytesDeleted(),
                r.initSegmentsDeleted(),
                r.segmentsFailed(),
                r.segmentsHeld(),
                detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS - 1) + "…" : detail,
                node.nodeId(),
                scheduledFor == null ? null : scheduledFor.toEpochMilli());
    }

    /** The newest {@code limit} runs, newest first. */
    public List<RunSummary> newest(int limit) {
        return db.query(
                "SELECT " + COLUMNS + " FROM retention_run ORDER BY started_millis DESC LIMIT ?",
                RetentionRuns::summary,
                limit);
    }

    public Optional<RunSummary> last() {
        return newest(1).stream().findFirst();
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        String detail = rs.getString(12);
        return new RunSummary(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                RunSummary.Outcome.valueOf(rs.getString(5)),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getInt(9),
                rs.getInt(10),
                rs.getLong(11),
                detail.isEmpty() ? List.of() : Arrays.asList(detail.split(SEPARATOR)));
    }
}
