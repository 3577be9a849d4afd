package io.vigil.media.mp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and edits fMP4 init and media segments in place, without decoding: track timescales from an
 * init segment, decode times of a fragment, and shifting those times so fragments of several
 * recording sessions form one continuous file. Pure. Bytes that are not the segment they should be are refused
 * ({@link MediaError#MALFORMED_MP4}): a box too short for its fields, an init segment without tracks.
 */
public final class Fragments {

    private Fragments() {}

    /** Track id to timescale (ticks per second), from {@code moov/trak/tkhd} and {@code mdia/mdhd}. */
    public static Map<Long, Long> timescales(byte[] init) {
        Map<Long, Long> scales = new HashMap<>();
        for (Box moov : Box.children(init, 0, init.length)) {
            if (!moov.type().equals("moov")) {
                continue;
            }
            for (Box trak : moov.children(init)) {
                if (!trak.type().equals("trak")) {
                    continue;
                }
                Box tkhd = trak.child(init, "tkhd");
                Box mdia = trak.child(init, "mdia");
                Box mdhd = mdia == null ? null : mdia.child(init, "mdhd");
                if (tkhd == null || mdhd == null) {
                    throw new MediaException(MediaError.MALFORMED_MP4, "init segment track without tkhd or mdhd");
                }
                long trackId = Box.readUint32(init, tkhd.content(versioned(init, tkhd, 20, 12), 4));
                long timescale = Box.readUint32(init, mdhd.content(versioned(init, mdhd, 20, 12), 4));
                scales.put(trackId, timescale);
            }
        }
        if (scales.isEmpty()) {
            throw new MediaException(MediaError.MALFORMED_MP4, "not an fMP4 init segment: no moov with tracks");
        }
        return scales;
    }

    /** Where a full box's field is: at {@code v1} in version 1 of the box, else at {@code v0}. */
    private static int versioned(byte[] bytes, Box fullBox, int v1, int v0) {
        return bytes[fullBox.content(0, 1)] == 1 ? v1 : v0;
    }

    /**
     * The codec configuration of every track ({@code moov/trak/mdia/minf/stbl/stsd}, with the track's
     * timescale): two init segments with equal descriptions decode the same fragments, whatever else
     * (edit lists, durations) differs between them.
     */
    public static String sampleDescriptions(byte[] init) {
        StringBuilder out = new StringBuilder();
        for (Box moov : Box.children(init, 0, init.length)) {
            if (!moov.type().equals("moov")) {
                continue;
            }
            for (Box trak : moov.children(init)) {
                Box stsd = descend(init, trak, "mdia", "minf", "stbl", "stsd");
                if (trak.type().equals("trak") && stsd != null) {
                    out.append(java.util.HexFormat.of().formatHex(init, stsd.start(), stsd.end()))
                            .append('/');
                }
            }
        }
        return out.append(timescales(init)).toString();
    }

    /** The box at {@code path} below {@code from}, each step its first child of that type; null where one is missing. */
    static Box descend(byte[] bytes, Box from, String... path) {
        Box box = from;
        for (String type : path) {
            box = box == null ? null : box.child(bytes, type);
        }
        return box;
    }

    /**
     * Track id to the segment's base media decode time ({@code moof/traf/tfdt}): its first fragment's, when the segment
     * is made of several (parts).
     */
    public static Map<Long, Long> decodeTimes(byte[] segment) {
        Map<Long, Long> times = new HashMap<>();
        forEachTfdt(
                segment,
                (trackId, tfdt) -> times.putIfAbsent(
                        trackId,
                        segment[tfdt.content(0, 1)] == 1
                                ? Box.readUint64(segment, tfdt.content(4, 8))
                                : Box.readUint32(segment, tfdt.content(4, 4))));
        return times;
    }

    /** Adds {@code deltaTicks} (per track id; missing tracks unchanged) to every fragment's decode time, in place. */
    public static void shiftDecodeTimes(byte[] segment, Map<Long, Long> deltaTicks) {
        forEachTfdt(segment, (trackId, tfdt) -> {
            long delta = deltaTicks.getOrDefault(trackId, 0L);
            if (segment[tfdt.content(0, 1)] == 1) {
                int at = tfdt.content(4, 8);
                Box.writeUint64(segment, at, Box.readUint64(segment, at) + delta);
            } else {
                int at = tfdt.content(4, 4);
                long shifted = Box.readUint32(segment, at) + delta;
                if (shifted < 0 || shifted > 0xffffffffL) {
                    throw new IllegalArgumentException("32-bit tfdt cannot hold " + shifted);
                }
                Box.writeUint32(segment, at, shifted);
            }
        });
    }

    /**
     * {@link #decodeTimes(byte[])} of a segment in a buffer (e.g. off-heap), from its start to its limit;
     * only the {@code moof} boxes are copied out, never the media data.
     */
    public static Map<Long, Long> decodeTimes(ByteBuffer segment) {
        Map<Long, Long> times = new HashMap<>();
        forEachMoof(segment, (at, moof) -> decodeTimes(moof).forEach(times::putIfAbsent));
        return times;
    }

    /** {@link #shiftDecodeTimes(byte[], Map)} of a segment in a buffer, in place; only {@code moof} boxes are touched. */
    public static void shiftDecodeTimes(ByteBuffer segment, Map<Long, Long> deltaTicks) {
        forEachMoof(segment, (at, moof) -> {
            shiftDecodeTimes(moof, deltaTicks);
            segment.put(at, moof);
        });
    }

    private interface MoofVisitor {
        void visit(int at, byte[] moof);
    }

    /** Each top-level {@code moof} box, copied out with its header, and where it starts in the buffer. */
    private static void forEachMoof(ByteBuffer buffer, MoofVisitor visitor) {
        ByteBuffer segment = buffer.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
        int offset = segment.position();
        int end = segment.limit();
        while (offset + 8 <= end) {
            long size = segment.getInt(offset) & 0xffffffffL;
            int header = 8;
            if (size == 1 && offset + 16 <= end) {
                size = segment.getLong(offset + 8);
                header = 16;
            } else if (size == 0) {
                size = (long) end - offset;
            }
            if (size < header || size > end - offset) {
                return;
            }
            if (segment.get(offset + 4) == 'm'
                    && segment.get(offset + 5) == 'o'
                    && segment.get(offset + 6) == 'o'
                    && segment.get(offset + 7) == 'f') {
                byte[] moof = new byte[(int) size];
                segment.get(offset, moof);
                visitor.visit(offset, moof);
            }
            offset += (int) size;
        }
    }

    /** A copy of {@code init} whose {@code moov} carries a {@code udta/©cmt} text: a comment players and ffprobe show. */
    public static byte[] withComment(byte[] init, String comment) {
        Box moov = Box.children(init, 0, init.length).stream()
                .filter(b -> b.type().equals("moov"))
                .findFirst()
                .orElseThrow(() -> new MediaException(MediaError.MALFORMED_MP4, "no moov in init segment"));
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("a comment fits 65,535 bytes of UTF-8");
        }
        int cmtSize = 8 + 4 + text.length;
        int udtaSize = 8 + cmtSize;
        ByteArrayOutputStream out = new ByteArrayOutputStream(init.length + udtaSize);
        out.write(init, 0, moov.end());
        byte[] udta = new byte[udtaSize];
        Box.writeUint32(udta, 0, udtaSize);
        System.arraycopy("udta".getBytes(StandardCharsets.ISO_8859_1), 0, udta, 4, 4);
        Box.writeUint32(udta, 8, cmtSize);
        udta[12] = (byte) 0xa9;
        System.arraycopy("cmt".getBytes(StandardCharsets.ISO_8859_1), 0, udta, 13, 3);
        udta[16] = (byte) (text.length >>> 8);
        udta[17] = (byte) text.length;
        udta[18] = 0x55;
        udta[19] = (byte) 0xc4;
        System.arraycopy(text, 0, udta, 20, text.length);
        out.write(udta, 0, udta.length);
        out.write(init, moov.end(), init.length - moov.end());
        byte[] result = out.toByteArray();
        Box.writeUint32(result, moov.start(), Box.readUint32(result, moov.start()) + udtaSize);
        return result;
    }

    private interface TfdtVisitor {
        void visit(long trackId, Box tfdt);
    }

    private static void forEachTfdt(byte[] segment, TfdtVisitor visitor) {
        for (Box moof : Box.children(segment, 0, segment.length)) {
            if (!moof.type().equals("moof")) {
                continue;
            }
            for (Box traf : moof.children(segment)) {
                if (!traf.type().equals("traf")) {
                    continue;
                }
                Box tfhd = traf.child(segment, "tfhd");
                Box tfdt = traf.child(segment, "tfdt");
                if (tfhd != null && tfdt != null) {
                    visitor.visit(Box.readUint32(segment, tfhd.content(4, 4)), tfdt);
                }
            }
        }
    }
}
