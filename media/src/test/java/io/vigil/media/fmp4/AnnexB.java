package io.vigil.media.fmp4;

import io.vigil.media.rtp.AccessUnit;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test code: splits an H.264 Annex-B stream of one slice per picture into access units, one per frame period. */
final class AnnexB {

    private AnnexB() {}

    static List<AccessUnit> accessUnits(byte[] stream, long frameTicks) {
        List<AccessUnit> units = new ArrayList<>();
        List<ByteBuffer> current = new ArrayList<>();
        ByteBuffer sps = null;
        ByteBuffer pps = null;
        boolean sawSlice = false;
        for (ByteBuffer nal : nalUnits(stream)) {
            int type = nal.get(0) & 0x1F;
            boolean slice = type == 1 || type == 5;
            boolean firstSliceOfPicture = slice && (nal.get(1) & 0x80) != 0; // first_mb_in_slice == 0
            if (sawSlice && (!slice || firstSliceOfPicture)) {
                units.add(unit(units.size() * frameTicks, current, sps, pps));
                current = new ArrayList<>();
                sawSlice = false;
            }
            sps = type == 7 ? nal : sps;
            pps = type == 8 ? nal : pps;
            sawSlice |= slice;
            current.add(nal);
        }
        units.add(unit(units.size() * frameTicks, current, sps, pps));
        return units;
    }

    private static AccessUnit unit(long timestamp, List<ByteBuffer> nalUnits, ByteBuffer sps, ByteBuffer pps) {
        boolean idr = nalUnits.stream().anyMatch(n -> (n.get(0) & 0x1F) == 5);
        return new AccessUnit(timestamp, nalUnits, idr, List.of(sps, pps));
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
