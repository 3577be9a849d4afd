package io.vigil.retention.plan;

import java.util.Objects;

/**
 * A stored segment retention may delete, {@code [startMillis, endMillis)}.
 *
 * @param cameraId  camera slug
 * @param sequence  the segment's sequence
 * @param startMillis start, epoch ms UTC
 * @param endMillis end, epoch ms UTC (exclusive)
 * @param sizeBytes object size
 * @param objectKey key of the media object
 * @param initKey   key of the init segment it needs
 */
public record Candidate(
        String cameraId,
        long sequence,
        long startMillis,
        long endMillis,
        long sizeBytes,
        String objectKey,
        String initKey) {

    public Candidate {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(initKey, "initKey");
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("segment must end after it starts");
        }
    }
}
