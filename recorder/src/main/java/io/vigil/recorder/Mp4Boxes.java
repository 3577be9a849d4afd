package io.vigil.recorder;

/** Walks the top-level boxes of an MP4 byte stream. Pure. */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    /**
     * Offset of the first box that belongs to a media segment ({@code styp}, {@code sidx}, {@code prft},
     * {@code moof}); -1 if there is none or the boxes are malformed.
     */
    static int firstMediaBox(byte[] bytes) {
        int offset = 0;
        while (offset + 8 <= bytes.length) {
            long size = ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                    | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
            String type = new String(bytes, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("styp") || type.equals("sidx") || type.equals("prft") || type.equals("moof")) {
                return offset;
            }
            if (size == 1 && offset + 16 <= bytes.length) {
                size = 0;
                for (int i = 8; i < 16; i++) {
                    size = (size << 8) | (bytes[offset + i] & 0xffL);
                }
            }
            if (size < 8 || offset + size > bytes.length) {
                return -1;
            }
            offset += (int) size;
        }
        return -1;
    }
}
