package io.vigil.retention.run;

import io.vigil.kernel.database.Database;
import io.vigil.retention.plan.Candidate;
import io.vigil.retention.plan.Deletion;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Phase one of a deletion: the {@code segment_deletion} marks a run leaves for itself, or for the next. */
@Singleton
public class DeletionMarks {

    private static final int ROWS_PER_TRANSACTION = 1000;
    private static final String COLUMNS =
            "camera_id, sequence, start_millis, end_millis, size_bytes, object_key, init_key, reason";

    private final Database db;

    public DeletionMarks(Database db) {
        this.db = db;
    }

    public void mark(List<Deletion> deletions, Instant now) {
        for (int from = 0; from < deletions.size(); from += ROWS_PER_TRANSACTION) {
            List<Deletion> chunk = deletions.subList(from, Math.min(deletions.size(), from + ROWS_PER_TRANSACTION));
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (Deletion d : chunk) {
                Candidate c = d.segment();
                rows.add(new Object[] {
                    c.cameraId(),
                    c.sequence(),
                    c.startMillis(),
                    c.endMillis(),
                    c.sizeBytes(),
                    c.objectKey(),
                    c.initKey(),
                    d.reason().name(),
                    now.toEpochMilli()
                });
            }
            db.inTransaction(() -> db.updateBatch(
                    "INSERT INTO segment_deletion (" + COLUMNS + ", marked_millis) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows));
        }
    }

    /** Every mark not yet carried out, per camera oldest first. */
    public List<Deletion> pending() {
        return db.query(
                "SELECT " + COLUMNS + " FROM segment_deletion ORDER BY camera_id, sequence", DeletionMarks::deletion);
    }

    /** Removes the marks of segments deleted, or kept after all (a hold placed since). */
    public void unmark(String cameraId, List<Deletion> deletions) {
        db.inTransaction(() -> db.updateBatch(
                "DELETE FROM segment_deletion WHERE camera_id = ? AND sequence = ?",
                deletions.stream()
                        .map(d -> new Object[] {cameraId, d.segment().sequence()})
                        .toList()));
    }

    private static Deletion deletion(ResultSet rs) throws SQLException {
        return new Deletion(
                new Candidate(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7)),
                Deletion.Reason.valueOf(rs.getString(8)));
    }
}
