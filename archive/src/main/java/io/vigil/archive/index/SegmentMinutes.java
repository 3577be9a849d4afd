package io.vigil.archive.index;

import io.vigil.archive.read.StoredFootage;
import io.vigil.kernel.database.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code segment_minute} table (V27), kept in step with segment rows by {@link SegmentIndex} inside the same
 * transaction: an added segment adds its bytes, duration and one to its minute's totals, a removed one takes them
 * away (the row goes with its last segment). An activity series of a week then reads 10,080 minute rows, not 302,400
 * segment rows. Reached through {@link SegmentIndex#minutes()}.
 */
public final class SegmentMinutes {

    private final Database db;

    SegmentMinutes(Database db) {
        this.db = db;
    }

    /** The stream's minute totals of the minutes that begin in {@code [from, to)} or hold {@code from}, oldest first. */
    public List<MinuteTotal> between(String streamKey, Instant from, Instant to) {
        return db.query(
                "SELECT minute_millis, size_bytes, duration_millis, segment_count FROM segment_minute "
                        + "WHERE camera_id = ? AND minute_millis >= ? AND minute_millis < ? ORDER BY minute_millis",
                SegmentMinutes::total,
                streamKey,
                MinuteTotal.minuteOf(from.toEpochMilli()),
                to.toEpochMilli());
    }

    /**
     * What every stream holds: one aggregate over the minute totals (a row per stream and minute, not per segment), so
     * a page of 50 cameras costs one query. Streams without stored segments are left out.
     */
    public Map<String, StoredFootage> storedFootage() {
        Map<String, StoredFootage> stored = new HashMap<>();
        db.forEach(
                "SELECT camera_id, SUM(size_bytes), SUM(duration_millis), MIN(minute_millis) FROM segment_minute "
                        + "GROUP BY camera_id",
                rs -> stored.put(
                        rs.getString(1),
                        new StoredFootage(
                                rs.getString(1), rs.getLong(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)))));
        return stored;
    }

    /** Accounts for a newly indexed segment; call in the transaction that inserts its row. */
    void added(Segment s) {
        long minute = MinuteTotal.minuteOf(s.start().toEpochMilli());
        int updated = db.update(
                "UPDATE segment_minute SET size_bytes = size_bytes + ?, duration_millis = duration_millis + ?, "
                        + "segment_count = segment_count + 1 WHERE camera_id = ? AND minute_millis = ?",
                s.sizeBytes(),
                s.durationMillis(),
                s.cameraId(),
                minute);
        if (updated == 0) { // the camera's lock row keeps another node from inserting it meanwhile
            db.update(
                    "INSERT INTO segment_minute (camera_id, minute_millis, size_bytes, duration_millis, segment_count) "
                            + "VALUES (?, ?, ?, ?, 1)",
                    s.cameraId(),
                    minute,
                    s.sizeBytes(),
                    s.durationMillis());
        }
    }

    /**
     * The minute, size and duration of each of the camera's segment rows among {@code sequences} (ascending), read
     * before they are deleted: one range read per run of consecutive numbers (retention removes the oldest in runs).
     */
    List<long[]> rowsOf(String streamKey, long[] sequences) {
        List<long[]> rows = new ArrayList<>();
        int i = 0;
        while (i < sequences.length) {
            int last = i;
            while (last + 1 < sequences.length && sequences[last + 1] == sequences[last] + 1) {
                last++;
            }
            rows.addAll(db.query(
                    "SELECT start_millis, size_bytes, duration_millis FROM segment WHERE camera_id = ? "
                            + "AND sequence >= ? AND sequence <= ?",
                    rs -> new long[] {MinuteTotal.minuteOf(rs.getLong(1)), rs.getLong(2), rs.getLong(3)},
                    streamKey,
                    sequences[i],
                    sequences[last]));
            i = last + 1;
        }
        return rows;
    }

    /**
     * Accounts for removed segment rows ({@link #rowsOf} read before their deletion); call in the same transaction.
     * Each minute loses their bytes, durations and count; a minute left without segments loses its row.
     */
    void removed(String streamKey, List<long[]> rows) {
        TreeMap<Long, long[]> byMinute = new TreeMap<>();
        for (long[] row : rows) {
            long[] sum = byMinute.computeIfAbsent(row[0], m -> new long[3]);
            sum[0] += row[1];
            sum[1] += row[2];
            sum[2]++;
        }
        List<Object[]> changes = new ArrayList<>(byMinute.size());
        List<Object[]> minutes = new ArrayList<>(byMinute.size());
        byMinute.forEach((minute, sum) -> {
            changes.add(new Object[] {sum[0], sum[1], sum[2], streamKey, minute});
            minutes.add(new Object[] {streamKey, minute});
        });
        db.updateBatch(
                "UPDATE segment_minute SET size_bytes = size_bytes - ?, duration_millis = duration_millis - ?, "
                        + "segment_count = segment_count - ? WHERE camera_id = ? AND minute_millis = ?",
                changes);
        db.updateBatch(
                "DELETE FROM segment_minute WHERE camera_id = ? AND minute_millis = ? AND segment_count <= 0", minutes);
    }

    private static MinuteTotal total(ResultSet rs) throws SQLException {
        return new MinuteTotal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4));
    }
}
