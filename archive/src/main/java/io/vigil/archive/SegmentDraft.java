package io.vigil.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * A segment the recorder has finished, before it has a sequence number or an object key. The archive keeps its arrays
 * (not copies) until the segment is stored: whoever appends a draft changes them no more.
 *
 * @param cameraId       camera slug
 * @param sessionId      recording session
 * @param start          wall-clock start
 * @param durationMillis duration from packet timestamps
 * @param bytes          the fMP4 fragment
 * @param keyframeStart  true if it starts with a keyframe
 * @param init           the session's init segment
 * @param codecs         RFC 6381 codecs of the init segment
 */
// drafts are handed on, never compared or hashed
@SuppressWarnings("ArrayRecordComponent")
public record SegmentDraft(
        String cameraId,
        String sessionId,
        Instant start,
        int durationMillis,
        byte[] bytes,
        boolean keyframeStart,
        byte[] init,
        String codecs) {

    public SegmentDraft {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(codecs, "codecs");
        if (durationMillis <= 0 || bytes.length == 0 || init.length == 0) {
            throw new IllegalArgumentException("empty segment");
        }
    }
}
