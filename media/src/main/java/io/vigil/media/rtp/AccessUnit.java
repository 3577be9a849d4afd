package io.vigil.media.rtp;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One picture's NAL units, assembled from RTP packets (glossary: access unit): each NAL unit a read-only slice without
 * start code or length prefix, all in one array; the RTP timestamp, extended past wrap-around; whether it is a
 * keyframe (an IDR picture in H.264, IRAP in H.265); and the parameter sets known when it ended (SPS then PPS for
 * H.264, VPS, SPS then PPS for H.265; empty until all are seen).
 */
public record AccessUnit(
        long rtpTimestamp, List<ByteBuffer> nalUnits, boolean keyframe, List<ByteBuffer> parameterSets) {

    public AccessUnit {
        nalUnits = List.copyOf(nalUnits);
        parameterSets = List.copyOf(parameterSets);
        if (nalUnits.isEmpty() || nalUnits.stream().anyMatch(n -> !n.hasRemaining())) {
            throw new IllegalArgumentException("an access unit holds NAL units, none empty");
        }
    }

    /** The bytes of all its NAL units. */
    public int sizeBytes() {
        return nalUnits.stream().mapToInt(ByteBuffer::remaining).sum();
    }
}
