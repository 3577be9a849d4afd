package io.vigil.archive.index;

import io.vigil.kernel.database.Database;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index read by time, for viewing: the segments overlapping a range (whole rows, or only the columns a
 * playlist lists), their object keys, how many sessions came before one, and what start-up reconciliation and the
 * archive check scan. Each is one indexed query.
 */
public final class SegmentsByTime {

    /** Longest a segment can be: twice the longest configurable target. Bounds range scans. */
    public static final long MAX_SEGMENT_MILLIS = 120_000;

    private final Database db;

    SegmentsByTime(Database db) {
        this.db = db;
    }

    /** Segments of a camera overlapping {@code [from, to)}, oldest first. */
    public List<Segment> overlapping(String cameraId, Instant from, Instant to) {
        return db.query(
                "SELECT " + SegmentIndex.SEGMENT_COLUMNS + " FROM segment WHERE camera_id = ? AND start_millis >= ? "
                        + "AND start_millis < ? AND start_millis + duration_millis > ? ORDER BY start_millis",
                SegmentIndex::segment,
                cameraId,
                from.toEpochMilli() - MAX_SEGMENT_MILLIS,
                to.toEpochMilli(),
                from.toEpochMilli());
    }

    /**
     * What a playlist lists of the camera's segments overlapping {@code [from, to)}, oldest first: one scan of
     * the {@code segment_listing} index, which holds every column read here.
     */
    public List<ListedSegment> listed(String cameraId, Instant from, Instant to) {
        return db.query(
                "SELECT sequence, session_id, start_millis, duration_millis, init_key, keyframe_start FROM segment "
                        + "WHERE camera_id = ? AND start_millis >= ? AND start_millis < ? AND start_millis + duration_millis > ? "
                        + "ORDER BY start_millis",
                rs -> new ListedSegment(
                        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getBoolean(6)),
                cameraId,
                from.toEpochMilli() - MAX_SEGMENT_MILLIS,
                to.toEpochMilli(),
                from.toEpochMilli());
    }

    /** The start, duration and size of the camera's segments overlapping {@code [from, to)}, oldest first. */
    public List<SegmentSize> sizes(String cameraId, Instant from, Instant to) {
        return db.query(
                "SELECT start_millis, duration_millis, size_bytes FROM segment WHERE camera_id = ? AND start_millis >= ? "
                        + "AND start_millis < ? AND start_millis + duration_millis > ? ORDER BY start_millis",
                rs -> new SegmentSize(rs.getLong(1), rs.getInt(2), rs.getLong(3)),
                cameraId,
                from.toEpochMilli() - MAX_SEGMENT_MILLIS,
                to.toEpochMilli(),
                from.toEpochMilli());
    }

    /** Object keys of the camera's segments with sequences in {@code [first, last]}. */
    public Map<Long, String> objectKeys(String cameraId, long first, long last) {
        Map<Long, String> keys = new HashMap<>();
        db.forEach(
                "SELECT sequence, object_key FROM segment WHERE camera_id = ? AND sequence >= ? AND sequence <= ?",
                rs -> keys.put(rs.getLong(1), rs.getString(2)),
                cameraId,
                first,
                last);
        return keys;
    }

    /**
     * How many other recording sessions of the camera have stored segments at or before {@code first}: the HLS
     * discontinuity sequence of a playlist starting at that segment. Its own session does not count, whether its
     * first segment is stored yet or still in the spool, so the figure stays put while the segment is uploaded.
     */
    public long sessionsBefore(String cameraId, ListedSegment first) {
        return db.query(
                        "SELECT COUNT(*) FROM recording_session WHERE camera_id = ? AND first_sequence <= ? AND id <> ?",
                        rs -> rs.getLong(1),
                        cameraId,
                        first.sequence(),
                        first.sessionId())
                .get(0);
    }

    /** Segments of a camera starting in {@code [from, to)}, oldest first. */
    public List<Segment> startingBetween(String cameraId, Instant from, Instant to) {
        return db.query(
                "SELECT " + SegmentIndex.SEGMENT_COLUMNS + " FROM segment WHERE camera_id = ? AND start_millis >= ? "
                        + "AND start_millis < ? ORDER BY sequence",
                SegmentIndex::segment,
                cameraId,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Cameras that have segments starting at or after {@code since}. */
    public List<String> camerasRecordingSince(Instant since) {
        return db.query(
                "SELECT DISTINCT camera_id FROM segment WHERE start_millis >= ?",
                rs -> rs.getString(1),
                since.toEpochMilli());
    }
}
