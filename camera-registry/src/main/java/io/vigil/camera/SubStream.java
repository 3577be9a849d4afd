package io.vigil.camera;

import java.util.Objects;

/**
 * A camera's sub stream (glossary: stream): another path on the same camera, so at the same origin as its main stream,
 * reached with the same credentials and pinned certificate; kept for its own number of days and within its own quota.
 *
 * @param url           RTSP URL without credentials, at the main stream's origin
 * @param retentionDays days its segments are kept
 * @param maxBytes      storage quota of its segments in bytes, or null for none
 */
public record SubStream(RtspUrl url, int retentionDays, Long maxBytes) {

    public SubStream {
        Objects.requireNonNull(url, "url");
        if (retentionDays < 1 || retentionDays > Camera.MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("sub stream retentionDays out of range: " + retentionDays);
        }
        if (maxBytes != null && maxBytes <= 0) {
            throw new IllegalArgumentException("sub stream maxBytes must be null or positive: " + maxBytes);
        }
    }
}
