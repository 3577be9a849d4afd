package io.vigil.retention.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.List;

/**
 * What one retention run did.
 *
 * @param id                   random UUID
 * @param trigger              SCHEDULE or API
 * @param started              when it started
 * @param finished             when it finished
 * @param outcome              COMPLETED, PARTIAL, REFUSED or FAILED
 * @param segmentsDeletedAge   segments deleted for age
 * @param segmentsDeletedQuota segments deleted for a quota
 * @param bytesDeleted         bytes of deleted segments
 * @param initSegmentsDeleted  init segments no segment needed any more
 * @param segmentsFailed       marked segments the store could not delete (retried next run)
 * @param segmentsHeld         segments the policy would delete but a hold kept
 * @param details              why it was refused or failed, and quotas it could not meet
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunSummary(
        String id,
        String trigger,
        Instant started,
        Instant finished,
        Outcome outcome,
        long segmentsDeletedAge,
        long segmentsDeletedQuota,
        long bytesDeleted,
        int initSegmentsDeleted,
        int segmentsFailed,
        long segmentsHeld,
        List<String> details) {

    /** How a run ended. */
    public enum Outcome {
        COMPLETED,
        PARTIAL,
        REFUSED,
        FAILED
    }

    public RunSummary withOutcome(Outcome other) {
        return new RunSummary(
                id,
                trigger,
                started,
                finished,
                other,
                segmentsDeletedAge,
                segmentsDeletedQuota,
                bytesDeleted,
                initSegmentsDeleted,
                segmentsFailed,
                segmentsHeld,
                details);
    }

    /** What the audit log says of the request that ran it: its id and outcome. */
    public AuditNote auditNote() {
        return AuditNote.detail("retention run " + id + " " + outcome);
    }

    public long durationMillis() {
        return finished.toEpochMilli() - started.toEpochMilli();
    }
}
