package io.vigil.archive.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fMP4 media segment in the archive, covering {@code [start, start + durationMillis)}.
 *
 * @param cameraId       camera slug
 * @param sequence       per-camera sequence number (the HLS media sequence)
 * @param sessionId      recording session that produced it
 * @param start          wall-clock start of its first frame
 * @param durationMillis duration from packet timestamps
 * @param sizeBytes      object size
 * @param objectKey      key of the media object
 * @param initKey        key of the init segment it needs
 * @param keyframeStart  true if it starts with a keyframe
 * @param sha256         hex SHA-256 of the object bytes; null for segments indexed before it was recorded
 */
public record Segment(
        String cameraId,
        long sequence,
        String sessionId,
        Instant start,
        int durationMillis,
        long sizeBytes,
        String objectKey,
        String initKey,
        boolean keyframeStart,
        String sha256) {

    public Segment {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(initKey, "initKey");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0, was " + durationMillis);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be > 0");
        }
    }

    /** Exclusive end of the segment. */
    public Instant end() {
        return start.plus(Duration.ofMillis(durationMillis));
    }
}
