package io.vigil.archive.index;

import java.time.Instant;
import java.util.Objects;

/**
 * An fMP4 initialization segment (ftyp + moov): what a player needs before any media segment.
 *
 * @param objectKey content-addressed key
 * @param cameraId  camera slug
 * @param sizeBytes object size
 * @param codecs    RFC 6381 codecs string for HLS {@code CODECS}
 * @param created   when it was first stored
 */
public record InitSegment(String objectKey, String cameraId, long sizeBytes, String codecs, Instant created) {

    public InitSegment {
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(codecs, "codecs");
        Objects.requireNonNull(created, "created");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be > 0");
        }
    }
}
