package io.vigil.archive.index;

import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index of the archive: which segments exist, where their objects are, what they cover.
 * Plain JDBC with portable SQL (H2 and PostgreSQL); every read a playlist needs is one indexed query.
 */
@Singleton
public class SegmentIndex {

    static final String SEGMENT_COLUMNS =
            "camera_id, sequence, session_id, start_millis, duration_millis, size_bytes, object_key, init_key, keyframe_start, sha256";

    private final Database db;
    private final RecordingSpans spans;
    private final InitSegments initSegments;
    private final RecordingSessions sessions;
    private final SegmentsByTime byTime;
    private final SegmentMinutes minutes;
    /**
     * Changes to one camera's rows take turns (the upload lane adding, retention removing, start-up
     * reconciliation doing either), because each reads that camera's spans before changing them: in this process
     * on this lock, and across the nodes of a cluster on the camera's {@code camera_index_lock} row.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.locks.ReentrantLock> cameraLocks =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Cameras whose lock row exists (added once, on a camera's first change). */
    private final java.util.Set<String> lockRows = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SegmentIndex(Database db, RecordingSpans spans) {
        this.db = db;
        this.spans = spans;
        this.initSegments = new InitSegments(db);
        this.sessions = new RecordingSessions(db);
        this.byTime = new SegmentsByTime(db);
        this.minutes = new SegmentMinutes(db);
    }

    /** The init segments' rows. */
    public InitSegments initSegments() {
        return initSegments;
    }

    /** The segment rows read by time. */
    public SegmentsByTime byTime() {
        return byTime;
    }

    /** The per-minute totals of the segment rows, kept in step with them. */
    public SegmentMinutes minutes() {
        return minutes;
    }

    /** The recording sessions' rows. */
    public RecordingSessions sessions() {
        return sessions;
    }

    /**
     * Adds a segment whose object the store has acknowledged, unless it is indexed already (a retry
     * after a crash between the upload and this row, or another node's reconciliation indexed it from its
     * metadata); records it as its session's first if it is, extends the recorded span it continues and adds it to
     * its minute's totals, in one transaction. Throws {@code SEQUENCE_COLLISION} if another segment has its number.
     */
    public void add(Segment s) {
        changing(
                s.cameraId(),
                () -> db.inTransaction(() -> {
                    Optional<Segment> existing = find(s.cameraId(), s.sequence());
                    if (existing.isPresent()) {
                        if (existing.get().objectKey().equals(s.objectKey())) {
                            return null;
                        }
                        throw new VigilException(
                                io.vigil.error.ErrorCode.SEQUENCE_COLLISION,
                                "segment " + s.sequence()
                                        + " of camera " + s.cameraId() + " is indexed already as "
                                        + existing.get().objectKey()
                                        + ", not " + s.objectKey());
                    }
                    if (db.query(
                                    "SELECT object_key FROM init_segment WHERE object_key = ? FOR UPDATE",
                                    rs -> 1,
                                    s.initKey())
                            .isEmpty()) {
                        // Retention removed it as unused since the writer checked: the writer stores it again and
                        // retries.
                        throw new VigilException(
                                io.vigil.error.ErrorCode.INDEX_UNAVAILABLE,
                                "init segment " + s.initKey() + " of segment " + s.sequence() + " is not indexed");
                    }
                    db.update(
                            "INSERT INTO segment (" + SEGMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            s.cameraId(),
                            s.sequence(),
                            s.sessionId(),
                            s.start().toEpochMilli(),
                            s.durationMillis(),
                            s.sizeBytes(),
                            s.objectKey(),
                            s.initKey(),
                            s.keyframeStart(),
                            s.sha256());
                    db.update(
                            "UPDATE recording_session SET first_sequence = ? WHERE id = ? AND first_sequence IS NULL",
                            s.sequence(),
                            s.sessionId());
                    spans.added(s);
                    minutes.added(s);
                    return null;
                }));
    }

    private <T> T changing(String cameraId, Database.Work<T> work) {
        java.util.concurrent.locks.ReentrantLock lock =
                cameraLocks.computeIfAbsent(cameraId, k -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            if (!lockRows.contains(cameraId)) {
                db.update(
                        "INSERT INTO camera_index_lock (camera_id) SELECT ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM camera_index_lock WHERE camera_id = ?)",
                        cameraId,
                        cameraId);
                lockRows.add(cameraId);
            }
            return db.inTransaction(() -> {
                db.query("SELECT camera_id FROM camera_index_lock WHERE camera_id = ? FOR UPDATE", rs -> 1, cameraId);
                return work.run();
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the row of a segment (its object is gone), splits its span there and takes it from its minute's
     * totals; true if there was one.
     */
    public boolean remove(String cameraId, long sequence) {
        return changing(
                cameraId,
                () -> db.inTransaction(() -> {
                    long[] sequences = {sequence};
                    List<long[]> rows = minutes.rowsOf(cameraId, sequences);
                    boolean removed =
                            db.update("DELETE FROM segment WHERE camera_id = ? AND sequence = ?", cameraId, sequence)
                                    > 0;
                    if (removed) {
                        spans.removed(cameraId, sequences);
                        minutes.removed(cameraId, rows);
                    }
                    return removed;
                }));
    }

    /**
     * Removes the rows of segments whose objects are gone (sequences ascending), splits their spans and takes them
     * from their minutes' totals, in one transaction; returns how many rows there were.
     */
    public int removeAll(String cameraId, long[] sequences) {
        return changing(
                cameraId,
                () -> db.inTransaction(() -> {
                    List<long[]> existing = minutes.rowsOf(cameraId, sequences);
                    List<Object[]> rows = new ArrayList<>(sequences.length);
                    for (long sequence : sequences) {
                        rows.add(new Object[] {cameraId, sequence});
                    }
                    int removed = db.updateBatch("DELETE FROM segment WHERE camera_id = ? AND sequence = ?", rows);
                    spans.removed(cameraId, sequences);
                    minutes.removed(cameraId, existing);
                    return removed;
                }));
    }

    /** Up to {@code limit} of the camera's segments with a sequence above {@code afterSequence}, oldest first. */
    public List<Segment> oldest(String cameraId, long afterSequence, int limit) {
        return db.query(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE camera_id = ? AND sequence > ? "
                        + "ORDER BY sequence LIMIT ?",
                SegmentIndex::segment,
                cameraId,
                afterSequence,
                limit);
    }

    /** Bytes of stored segments per camera. */
    public java.util.Map<String, Long> usageBytes() {
        java.util.Map<String, Long> usage = new java.util.HashMap<>();
        db.forEach(
                "SELECT camera_id, SUM(size_bytes) FROM segment GROUP BY camera_id",
                rs -> usage.put(rs.getString(1), rs.getLong(2)));
        return usage;
    }

    /** The sequence number the next segment of this camera gets. */
    public long nextSequence(String cameraId) {
        return db.query(
                        "SELECT MAX(sequence) FROM segment WHERE camera_id = ?",
                        rs -> rs.getObject(1) == null ? 0L : rs.getLong(1) + 1,
                        cameraId)
                .get(0);
    }

    /** The newest {@code count} segments of a camera, oldest first. */
    public List<Segment> newest(String cameraId, int count) {
        List<Segment> newestFirst = db.query(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE camera_id = ? ORDER BY sequence DESC LIMIT ?",
                SegmentIndex::segment,
                cameraId,
                count);
        List<Segment> oldestFirst = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i));
        }
        return oldestFirst;
    }

    public Optional<Segment> find(String cameraId, long sequence) {
        return db
                .query(
                        "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE camera_id = ? AND sequence = ?",
                        SegmentIndex::segment,
                        cameraId,
                        sequence)
                .stream()
                .findFirst();
    }

    public long count(String cameraId) {
        return db.query("SELECT COUNT(*) FROM segment WHERE camera_id = ?", rs -> rs.getLong(1), cameraId)
                .get(0);
    }

    static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getInt(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10));
    }
}
