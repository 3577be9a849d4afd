package io.vigil.retention.plan;

import java.util.Objects;

/**
 * What retention applies to one camera's recordings, and how much they take now.
 *
 * @param cameraId      camera slug (also for recordings of a camera no longer registered)
 * @param retentionDays segments that ended longer ago are deleted
 * @param maxBytes      the camera's quota; 0 for none
 * @param usedBytes     bytes its stored segments take, not counting those already marked for deletion
 */
public record CameraPolicy(String cameraId, int retentionDays, long maxBytes, long usedBytes) {

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
