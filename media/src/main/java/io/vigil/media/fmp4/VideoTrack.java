package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The video track of an init segment: its codec, its parameter sets (SPS and PPS for H.264; VPS, SPS and PPS for
 * H.265; each without start code, as {@code AccessUnit.parameterSets()} gives them, its own read-only copies) and
 * what the writer read of its first SPS (picture size, profile). Two tracks are equal when their parameter sets are:
 * a change of them makes a new init segment.
 */
public record VideoTrack(VideoCodec codec, List<ByteBuffer> parameterSets, SequenceParameterSet sps) {

    /** The most of each type: {@code avcC} holds up to 31 SPSs and 255 PPSs; H.265 has 16 VPS and SPS ids, 64 PPS. */
    private static final Map<Integer, Integer> MOST_OF_TYPE = Map.of(7, 31, 8, 255, 32, 16, 33, 16, 34, 64);

    private static final int MAX_PARAMETER_SET_BYTES = 0xFFFF;

    /**
     * @throws io.vigil.media.MediaException {@code MALFORMED_PARAMETER_SET}: the parameter sets lack a type of the
     *     codec, hold another NAL unit, an empty one or one longer than a decoder configuration record's 16-bit length,
     *     or more of a type than it may hold
     */
    public VideoTrack {
        for (ByteBuffer set : parameterSets) {
            if (!set.hasRemaining() || set.remaining() > MAX_PARAMETER_SET_BYTES) {
                throw BitReader.malformedParameterSet("a parameter set of " + set.remaining() + " bytes");
            }
            if (!codec.isParameterSet(codec.nalType(set))) {
                throw BitReader.malformedParameterSet(
                        "NAL unit of type " + codec.nalType(set) + " among " + codec + " parameter sets");
            }
        }
        parameterSets = parameterSets.stream().map(VideoTrack::ownCopy).toList();
        Map<Integer, Integer> counts = new TreeMap<>();
        parameterSets.forEach(n -> counts.merge(codec.nalType(n), 1, Integer::sum));
        if (counts.size() != codec.parameterSetTypes().size()) {
            throw BitReader.malformedParameterSet(
                    codec + " parameter sets by NAL type " + counts + ": each type needed");
        }
        counts.forEach((type, count) -> {
            if (count > MOST_OF_TYPE.get(type)) {
                throw BitReader.malformedParameterSet(count + " parameter sets of NAL type " + type);
            }
        });
        if (codec == VideoCodec.H264 != sps instanceof H264Sps) {
            throw new IllegalArgumentException(
                    codec + " track with " + sps.getClass().getSimpleName());
        }
    }

    /**
     * The track of these H.264 parameter sets (an SPS and a PPS at least, nothing else); its size and profile from the
     * first SPS.
     *
     * @throws io.vigil.media.MediaException {@code MALFORMED_PARAMETER_SET}: as the constructor, or an SPS that does
     *     not read
     */
    public static VideoTrack h264(List<ByteBuffer> parameterSets) {
        return new VideoTrack(VideoCodec.H264, parameterSets, H264Sps.parse(first(VideoCodec.H264, parameterSets, 7)));
    }

    /**
     * The track of these H.265 parameter sets (a VPS, an SPS and a PPS at least, nothing else); its size and profile
     * from the first SPS.
     *
     * @throws io.vigil.media.MediaException {@code MALFORMED_PARAMETER_SET}: as {@link #h264}
     */
    public static VideoTrack h265(List<ByteBuffer> parameterSets) {
        return new VideoTrack(VideoCodec.H265, parameterSets, H265Sps.parse(first(VideoCodec.H265, parameterSets, 33)));
    }

    public int widthPixels() {
        return sps.widthPixels();
    }

    public int heightPixels() {
        return sps.heightPixels();
    }

    /** Its parameter sets of one NAL type, in the order given. */
    public List<ByteBuffer> parameterSets(int nalType) {
        return parameterSets.stream()
                .filter(n -> codec.nalType(n) == nalType)
                .map(ByteBuffer::duplicate)
                .toList();
    }

    private static ByteBuffer first(VideoCodec codec, List<ByteBuffer> nalUnits, int nalType) {
        return nalUnits.stream()
                .filter(n -> n.hasRemaining() && codec.nalType(n) == nalType)
                .findFirst()
                .orElseThrow(() -> BitReader.malformedParameterSet("no " + codec + " SPS among the parameter sets"));
    }

    private static ByteBuffer ownCopy(ByteBuffer nalUnit) {
        ByteBuffer copy = ByteBuffer.allocate(nalUnit.remaining()).put(nalUnit.duplicate());
        return copy.flip().asReadOnlyBuffer();
    }
}
