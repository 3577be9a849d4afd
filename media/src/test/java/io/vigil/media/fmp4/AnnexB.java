package io.vigil.media.fmp4;

import io.vigil.media.rtp.AccessUnit;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test code: splits an H.264 or H.265 Annex-B stream into access units in decode order, one per frame period, each
 * with the parameter sets seen so far.
 */
final class AnnexB {

    private static final int H265_SUFFIX_SEI = 40;

    private AnnexB() {}

    static List<AccessUnit> accessUnits(byte[] stream, long frameTicks, VideoCodec codec) {
        List<AccessUnit> units = new ArrayList<>();
        List<ByteBuffer> current = new ArrayList<>();
        List<ByteBuffer> parameterSets = new ArrayList<>();
        boolean sawSlice = false;
        for (ByteBuffer nal : nalUnits(stream)) {
            int type = codec.nalType(nal);
            boolean slice = codec == VideoCodec.H264 ? type == 1 || type == 5 : type < 32;
            boolean firstSliceOfPicture = slice && (nal.get(codec == VideoCodec.H264 ? 1 : 2) & 0x80) != 0;
            boolean partOfPicture = codec == VideoCodec.H265 && type == H265_SUFFIX_SEI;
            if (sawSlice && ((!slice && !partOfPicture) || firstSliceOfPicture)) {
                units.add(unit(codec, units.size() * frameTicks, current, parameterSets));
                current = new ArrayList<>();
                sawSlice = false;
            }
            if (codec.isParameterSet(type)) {
                parameterSets.removeIf(known -> codec.nalType(known) == type);
                parameterSets.add(nal);
                parameterSets.sort((a, b) -> codec.nalType(a) - codec.nalType(b));
            }
            sawSlice |= slice;
            current.add(nal);
        }
        units.add(unit(codec, units.size() * frameTicks, current, parameterSets));
        return units;
    }

    private static AccessUnit unit(
            VideoCodec codec, long timestamp, List<ByteBuffer> nalUnits, List<ByteBuffer> parameterSets) {
        boolean keyframe = nalUnits.stream()
                .map(codec::nalType)
                .anyMatch(type -> codec == VideoCodec.H264 ? type == 5 : type >= 16 && type <= 21);
        return new AccessUnit(timestamp, nalUnits, keyframe, parameterSets);
    }

    /** The NAL units between start codes (00 00 01, or 00 00 00 01), trailing zero bytes dropped. */
    private static List<ByteBuffer> nalUnits(byte[] stream) {
        List<ByteBuffer> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(slice(stream, start, i));
                }
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0) {
            nals.add(slice(stream, start, stream.length));
        }
        return nals;
    }

    private static ByteBuffer slice(byte[] stream, int from, int to) {
        int end = to;
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        return ByteBuffer.wrap(stream, from, end - from).slice();
    }
}
