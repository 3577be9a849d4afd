package io.vigil.retention.plan;

import java.util.Objects;

/**
 * What retention applies to one camera's recordings, and how much they take now.
 *
 * @param cameraId      camera slug (also for recordings of a camera no longer registered)
 * @param retentionDays segments that ended longer ago are deleted
 * @param maxBytes      the camera's quota; 0 for none
 * @param usedBytes     bytes its stored segments take, not counting those already marked for deletion
 * @param newestSequence sequence of its newest indexed segment: never deleted, so the next segment's sequence
 *                      (one more than the highest indexed) never repeats one that players may have cached
 */
public record CameraPolicy(String cameraId, int retentionDays, long maxBytes, long usedBytes, long newestSequence) {

    public CameraPolicy {
        Objects.requireNonNull(cameraId, "cameraId");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be >= 1");
        }
        if (maxBytes < 0 || usedBytes < 0) {
            throw new IllegalArgumentException("maxBytes and usedBytes must be >= 0");
        }
    }
}
