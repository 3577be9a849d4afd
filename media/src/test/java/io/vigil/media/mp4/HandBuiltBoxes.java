package io.vigil.media.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** MP4 boxes built by hand for the readers' tests: malformed on purpose where a test says so. */
final class HandBuiltBoxes {

    private HandBuiltBoxes() {}

    /** A box of {@code type} around {@code content}, its size field right. */
    static byte[] box(String type, byte[] content) {
        byte[] box = concat(new byte[4], type.getBytes(StandardCharsets.ISO_8859_1), content);
        Box.writeUint32(box, 0, box.length);
        return box;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Where the first box type {@code type} is in {@code bytes} at or after {@code from}. */
    static int indexOf(byte[] bytes, String type, int from) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = from; i + 4 <= bytes.length; i++) {
            if (bytes[i] == t[0] && bytes[i + 1] == t[1] && bytes[i + 2] == t[2] && bytes[i + 3] == t[3]) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
