package io.vigil.media.mp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO-BMFF (MP4) box inside a byte array: where it starts, its header and total size. Pure. Listing children
 * stops at the first box that does not fit; reading a box's content goes through {@link #content}, which refuses a box
 * too short for it.
 *
 * @param type       four-character code
 * @param start      offset of the box's first byte
 * @param headerSize 8, or 16 for a 64-bit size
 * @param size       total size including the header
 */
public record Box(String type, int start, int headerSize, int size) {

    /** Offset of the first byte after the header. */
    public int contentStart() {
        return start + headerSize;
    }

    public int end() {
        return start + size;
    }

    /**
     * Where its content's byte {@code at} is, once checked that the content holds {@code bytes} bytes from there; a box
     * too short for what it must hold is refused ({@link MediaError#MALFORMED_MP4}), never read past.
     */
    public int content(int at, int bytes) {
        if (at < 0 || bytes < 0 || (long) at + bytes > size - headerSize) {
            throw new MediaException(
                    MediaError.MALFORMED_MP4,
                    "box " + printable(type) + " of " + (size - headerSize) + " content bytes has no " + bytes + " at "
                            + at);
        }
        return contentStart() + at;
    }

    /** The four-character code as text a log may show (bytes from a file are not trusted to be printable). */
    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? "'" + type + "'" : "(not printable)";
    }

    /** The boxes in {@code [from, to)} of {@code bytes}, in order; stops at the first malformed one. */
    public static List<Box> children(byte[] bytes, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int offset = from;
        while (offset + 8 <= to) {
            long size = readUint32(bytes, offset);
            int header = 8;
            if (size == 1 && offset + 16 <= to) {
                size = readUint64(bytes, offset + 8);
                header = 16;
            } else if (size == 0) {
                size = (long) to - offset;
            }
            if (size < header || offset + size > to) {
                break;
            }
            boxes.add(
                    new Box(new String(bytes, offset + 4, 4, StandardCharsets.ISO_8859_1), offset, header, (int) size));
            offset += (int) size;
        }
        return boxes;
    }

    /** The children of this box. */
    public List<Box> children(byte[] bytes) {
        return children(bytes, contentStart(), end());
    }

    /** The first child of the given type, or null. */
    public Box child(byte[] bytes, String childType) {
        return children(bytes).stream()
                .filter(b -> b.type().equals(childType))
                .findFirst()
                .orElse(null);
    }

    public static long readUint32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    public static long readUint64(byte[] b, int at) {
        return (readUint32(b, at) << 32) | readUint32(b, at + 4);
    }

    public static void writeUint32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    public static void writeUint64(byte[] b, int at, long v) {
        writeUint32(b, at, v >>> 32);
        writeUint32(b, at + 4, v);
    }
}
