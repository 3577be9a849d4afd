package io.vigil.retention.plan;

/** A segment retention decided to delete, and why. */
public record Deletion(Candidate segment, Reason reason) {

    /** Why a segment is deleted. */
    public enum Reason {
        /** It ended longer ago than its camera's retention. */
        AGE,
        /** It was among the oldest while its camera, or the whole archive, was over quota. */
        QUOTA
    }
}
