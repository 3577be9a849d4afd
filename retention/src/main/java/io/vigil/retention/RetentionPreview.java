package io.vigil.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.retention.plan.Deletion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dry run: what the next retention run would delete, per camera and reason.
 *
 * @param at           when it was planned
 * @param deletions    per camera and reason: how many segments, their bytes, the oldest start and newest end
 * @param heldSegments segments the policy would delete but a hold keeps
 * @param shortfalls   quotas that cannot be met, one sentence each
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RetentionPreview(
        Instant at, List<CameraDeletions> deletions, long heldSegments, List<String> shortfalls) {

    /** What would go of one camera for one reason. */
    @Serdeable
    public record CameraDeletions(
            String cameraId, Deletion.Reason reason, long segments, long bytes, Instant oldest, Instant newest) {}

    static RetentionPreview of(Instant at, List<Deletion> deletions, long heldSegments, List<String> shortfalls) {
        Map<String, long[]> totals = new TreeMap<>();
        for (Deletion d : deletions) {
            long[] t = totals.computeIfAbsent(
                    d.segment().cameraId() + "\u0000" + d.reason().name(),
                    k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            t[0]++;
            t[1] += d.segment().sizeBytes();
            t[2] = Math.min(t[2], d.segment().startMillis());
            t[3] = Math.max(t[3], d.segment().endMillis());
        }
        List<CameraDeletions> rows = new ArrayList<>();
        totals.forEach((key, t) -> {
            String[] parts = key.split("\u0000");
            rows.add(new CameraDeletions(
                    parts[0],
                    Deletion.Reason.valueOf(parts[1]),
                    t[0],
                    t[1],
                    Instant.ofEpochMilli(t[2]),
                    Instant.ofEpochMilli(t[3])));
        });
        return new RetentionPreview(at, rows, heldSegments, shortfalls);
    }
}
