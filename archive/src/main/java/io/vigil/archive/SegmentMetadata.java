package io.vigil.archive;

import io.vigil.archive.index.Segment;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A segment's index row as object metadata ({@code x-amz-meta-vigil-*}), so an object whose row was
 * lost can be indexed again from the store alone. Pure.
 */
public final class SegmentMetadata {

    private SegmentMetadata() {}

    public static Map<String, String> of(Segment s) {
        return Map.of(
                "vigil-camera", s.cameraId(),
                "vigil-sequence", Long.toString(s.sequence()),
                "vigil-session", s.sessionId(),
                "vigil-start", s.start().toString(),
                "vigil-duration-millis", Integer.toString(s.durationMillis()),
                "vigil-init-key", s.initKey(),
                "vigil-keyframe-start", Boolean.toString(s.keyframeStart()),
                "vigil-sha256", s.sha256() == null ? "" : s.sha256());
    }

    /** The segment described by an object's metadata, if complete. */
    public static Optional<Segment> parse(String objectKey, long sizeBytes, Map<String, String> meta) {
        try {
            String sha = meta.get("vigil-sha256");
            return Optional.of(new Segment(
                    meta.get("vigil-camera"),
                    Long.parseLong(meta.get("vigil-sequence")),
                    meta.get("vigil-session"),
                    Instant.parse(meta.get("vigil-start")),
                    Integer.parseInt(meta.get("vigil-duration-millis")),
                    sizeBytes,
                    objectKey,
                    meta.get("vigil-init-key"),
                    Boolean.parseBoolean(meta.get("vigil-keyframe-start")),
                    sha == null || sha.isEmpty() ? null : sha));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
