package io.vigil.archive.index;

import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code recording_span} table, kept in step with segment rows by {@link SegmentIndex} inside the same
 * transaction: an added segment extends the span it continues (or joins the two around it, or starts one),
 * a removed segment splits its span. A timeline then reads a handful of span rows, however long the range.
 */
@Singleton
public class RecordingSpans {

    private static final String COLUMNS =
            "camera_id, first_sequence, last_sequence, session_id, start_millis, end_millis";

    private final Database db;

    public RecordingSpans(Database db) {
        this.db = db;
    }

    /** The camera's spans overlapping {@code [from, to)}, oldest first, unclipped. */
    public List<RecordingSpan> overlapping(String cameraId, Instant from, Instant to) {
        return db.query(
                "SELECT " + COLUMNS + " FROM recording_span WHERE camera_id = ? AND end_millis > ? "
                        + "AND start_millis < ? ORDER BY first_sequence",
                RecordingSpans::span,
                cameraId,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** End of the newest recorded span of any camera, if anything is recorded. */
    public Optional<Instant> newestEnd() {
        return db
                .query(
                        "SELECT MAX(end_millis) FROM recording_span",
                        rs -> rs.getObject(1) == null ? null : Instant.ofEpochMilli(rs.getLong(1)))
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Every span of the camera, oldest first. */
    public List<RecordingSpan> all(String cameraId) {
        return db.query(
                "SELECT " + COLUMNS + " FROM recording_span WHERE camera_id = ? ORDER BY first_sequence",
                RecordingSpans::span,
                cameraId);
    }

    /**
     * Accounts for a newly indexed segment; call in the transaction that inserts its row. The usual segment comes
     * after every span of its camera: one read (the newest span, which it may extend) settles it; one that fills a
     * hole or comes before a span takes three.
     */
    void added(Segment s) {
        RecordingSpan added = RecordingSpan.of(s);
        Optional<RecordingSpan> newest = newest(s.cameraId());
        if (newest.isEmpty() || newest.get().lastSequence() < s.sequence()) {
            record(newest, added, Optional.empty());
            return;
        }
        if (containing(s.cameraId(), s.sequence()).isPresent()) {
            return; // fills a hole inside a span: its bounds stay
        }
        Optional<RecordingSpan> before = nearest("last_sequence < ? ORDER BY last_sequence DESC", s);
        Optional<RecordingSpan> after = nearest("first_sequence > ? ORDER BY first_sequence", s);
        record(before, added, after);
    }

    /** Extends {@code before} by {@code added}, or starts a span with it, joining {@code after} if it continues. */
    private void record(Optional<RecordingSpan> before, RecordingSpan added, Optional<RecordingSpan> after) {
        boolean joinsBefore = before.isPresent() && before.get().continuedBy(added);
        RecordingSpan span = joinsBefore ? before.get().join(added) : added;
        if (after.isPresent() && span.continuedBy(after.get())) {
            span = span.join(after.get());
            delete(after.get());
        }
        if (joinsBefore) {
            exactlyOne(db.update(
                    "UPDATE recording_span SET last_sequence = ?, end_millis = ? WHERE camera_id = ? "
                            + "AND first_sequence = ?",
                    span.lastSequence(),
                    span.endMillis(),
                    span.cameraId(),
                    span.firstSequence()));
        } else {
            insert(span);
        }
    }

    /**
     * Accounts for removed segments (sequences ascending, rows already deleted); call in the same transaction.
     * Each span holding one is replaced by the runs of segments left between the removed ones.
     */
    void removed(String cameraId, long[] sequences) {
        int i = 0;
        while (i < sequences.length) {
            Optional<RecordingSpan> holder = containing(cameraId, sequences[i]);
            if (holder.isEmpty()) {
                i++;
                continue;
            }
            RecordingSpan span = holder.get();
            delete(span);
            long pieceFirst = span.firstSequence();
            while (i < sequences.length && sequences[i] <= span.lastSequence()) {
                insertPiece(span, pieceFirst, sequences[i] - 1);
                pieceFirst = sequences[i] + 1;
                i++;
            }
            insertPiece(span, pieceFirst, span.lastSequence());
        }
    }

    /** Re-creates the part of {@code span} between two sequences from the segment rows still there. */
    private void insertPiece(RecordingSpan span, long fromSequence, long toSequence) {
        if (fromSequence > toSequence) {
            return;
        }
        String sql = "SELECT sequence, start_millis, start_millis + duration_millis FROM segment WHERE camera_id = ? "
                + "AND sequence >= ? AND sequence <= ? ORDER BY sequence ";
        List<long[]> first = db.query(sql + "LIMIT 1", RecordingSpans::edge, span.cameraId(), fromSequence, toSequence);
        if (first.isEmpty()) {
            return;
        }
        long[] last = db.query(sql + "DESC LIMIT 1", RecordingSpans::edge, span.cameraId(), fromSequence, toSequence)
                .get(0);
        insert(new RecordingSpan(
                span.cameraId(), first.get(0)[0], last[0], span.sessionId(), first.get(0)[1], last[2]));
    }

    /** The camera's span with the highest sequences. */
    private Optional<RecordingSpan> newest(String cameraId) {
        return db
                .query(
                        "SELECT " + COLUMNS + " FROM recording_span WHERE camera_id = ? "
                                + "ORDER BY last_sequence DESC LIMIT 1",
                        RecordingSpans::span,
                        cameraId)
                .stream()
                .findFirst();
    }

    private Optional<RecordingSpan> containing(String cameraId, long sequence) {
        return db
                .query(
                        "SELECT " + COLUMNS + " FROM recording_span WHERE camera_id = ? AND last_sequence >= ? "
                                + "ORDER BY last_sequence LIMIT 1",
                        RecordingSpans::span,
                        cameraId,
                        sequence)
                .stream()
                .filter(s -> s.firstSequence() <= sequence)
                .findFirst();
    }

    private Optional<RecordingSpan> nearest(String condition, Segment s) {
        return db
                .query(
                        "SELECT " + COLUMNS + " FROM recording_span WHERE camera_id = ? AND " + condition + " LIMIT 1",
                        RecordingSpans::span,
                        s.cameraId(),
                        s.sequence())
                .stream()
                .findFirst();
    }

    private void insert(RecordingSpan s) {
        db.update(
                "INSERT INTO recording_span (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                s.cameraId(),
                s.firstSequence(),
                s.lastSequence(),
                s.sessionId(),
                s.startMillis(),
                s.endMillis());
    }

    private void delete(RecordingSpan s) {
        exactlyOne(db.update(
                "DELETE FROM recording_span WHERE camera_id = ? AND first_sequence = ?",
                s.cameraId(),
                s.firstSequence()));
    }

    /** A span read in this transaction changed under it: roll back rather than record a wrong span. */
    private static void exactlyOne(int rows) {
        if (rows != 1) {
            throw new io.vigil.error.VigilException(
                    io.vigil.error.ErrorCode.INDEX_UNAVAILABLE,
                    "recorded span changed concurrently (" + rows + " rows); retry");
        }
    }

    private static RecordingSpan span(ResultSet rs) throws SQLException {
        return new RecordingSpan(
                rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6));
    }

    private static long[] edge(ResultSet rs) throws SQLException {
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
}
