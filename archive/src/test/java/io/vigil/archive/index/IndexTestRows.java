package io.vigil.archive.index;

import io.vigil.kernel.database.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** What the index tests share: segment rows written as an older Vigil wrote them, and minute totals folded afresh. */
public final class IndexTestRows {

    private IndexTestRows() {}

    /** A segment row alone, without span or minute: as before the migration that back-fills them. */
    static void insertBare(Database db, Segment s) {
        db.update(
                "INSERT INTO segment (camera_id, sequence, session_id, start_millis, duration_millis, size_bytes, "
                        + "object_key, init_key, keyframe_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.cameraId(),
                s.sequence(),
                s.sessionId(),
                s.start().toEpochMilli(),
                s.durationMillis(),
                s.sizeBytes(),
                s.objectKey(),
                s.initKey(),
                true);
    }

    /** The minute totals of {@code segments}, computed from scratch, oldest minute first. */
    public static List<MinuteTotal> minutesOf(Iterable<Segment> segments) {
        TreeMap<Long, long[]> sums = new TreeMap<>();
        for (Segment s : segments) {
            long[] sum = sums.computeIfAbsent(MinuteTotal.minuteOf(s.start().toEpochMilli()), m -> new long[3]);
            sum[0] += s.sizeBytes();
            sum[1] += s.durationMillis();
            sum[2]++;
        }
        List<MinuteTotal> out = new ArrayList<>();
        sums.forEach((minute, sum) -> out.add(new MinuteTotal(minute, sum[0], sum[1], (int) sum[2])));
        return out;
    }
}
