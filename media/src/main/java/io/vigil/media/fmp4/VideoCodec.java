package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * A video track's codec, and what the writer needs to know of its NAL units: their type, which are parameter sets
 * (kept in the init segment's decoder configuration record, {@code avcC} or {@code hvcC}) and which are access unit
 * delimiters (of no use in a sample).
 */
@SuppressWarnings("ImmutableEnumChecker") // its sets are Set.of: unmodifiable
public enum VideoCodec {
    /** ITU-T H.264: a 1-byte NAL header, type in its low 5 bits; SPS 7, PPS 8, access unit delimiter 9. */
    H264(Set.of(7, 8), 9),
    /** ITU-T H.265: a 2-byte NAL header, type in bits 1-6 of the first; VPS 32, SPS 33, PPS 34, delimiter 35. */
    H265(Set.of(32, 33, 34), 35);

    private final Set<Integer> parameterSetTypes;
    private final int delimiterType;

    VideoCodec(Set<Integer> parameterSetTypes, int delimiterType) {
        this.parameterSetTypes = parameterSetTypes;
        this.delimiterType = delimiterType;
    }

    /** The type of a NAL unit (not empty). */
    public int nalType(ByteBuffer nalUnit) {
        int first = nalUnit.get(nalUnit.position()) & 0xFF;
        return this == H264 ? first & 0x1F : first >>> 1 & 0x3F;
    }

    /** The NAL types of its parameter sets: a decoder needs one of each. */
    public Set<Integer> parameterSetTypes() {
        return parameterSetTypes;
    }

    public boolean isParameterSet(int nalType) {
        return parameterSetTypes.contains(nalType);
    }

    /** Whether a NAL unit belongs in a sample: not a parameter set (the init segment's) nor an access unit delimiter. */
    public boolean belongsInSample(ByteBuffer nalUnit) {
        int type = nalType(nalUnit);
        return type != delimiterType && !isParameterSet(type);
    }
}
