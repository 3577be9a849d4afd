package io.vigil.media.rtp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.sdp.AacParameters;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The AU headers section of one AAC-hbr payload (RFC 3640 §3.2.1): the AU-headers-length in bits, then per AU its
 * size ({@code sizelength} bits) and index ({@code indexlength} bits for the first, {@code indexdeltalength} for the
 * next); the AUs' bytes follow, {@code data}. Pure: reads the payload or refuses it ({@link MediaError#MALFORMED_AAC})
 * when the headers are not a whole number of AU headers, pass the payload's end, describe AUs of 0 bytes or other
 * than the bytes that follow (one AU larger than them is a fragment), or interleave AUs (an index other than 0: no
 * camera does).
 */
record AuHeaders(List<Integer> sizesBytes, ByteBuffer data) {

    AuHeaders {
        sizesBytes = List.copyOf(sizesBytes);
    }

    static AuHeaders read(AacParameters format, ByteBuffer payload) {
        ByteBuffer bytes = payload.slice();
        if (bytes.remaining() < 2) {
            throw malformed("a payload of " + bytes.remaining() + " bytes, without AU-headers-length");
        }
        int headersBits = bytes.getShort() & 0xFFFF;
        int headersBytes = (headersBits + 7) / 8;
        if (headersBytes > bytes.remaining()) {
            throw malformed(headersBits + " bits of AU headers in " + bytes.remaining() + " bytes");
        }
        int firstBits = format.sizeLengthBits() + format.indexLengthBits();
        int nextBits = format.sizeLengthBits() + format.indexDeltaLengthBits();
        if (headersBits < firstBits || (headersBits - firstBits) % nextBits != 0) {
            throw malformed(headersBits + " bits are not whole AU headers of " + firstBits + "/" + nextBits + " bits");
        }
        int[] sizes = new int[1 + (headersBits - firstBits) / nextBits];
        int at = 2 * Byte.SIZE;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = bits(bytes, at, format.sizeLengthBits());
            at += format.sizeLengthBits();
            int indexBits = i == 0 ? format.indexLengthBits() : format.indexDeltaLengthBits();
            if (bits(bytes, at, indexBits) != 0) {
                throw malformed("AU " + i + " interleaved (a non-zero index)");
            }
            at += indexBits;
            if (sizes[i] == 0) {
                throw malformed("AU " + i + " of 0 bytes");
            }
        }
        int dataBytes = bytes.remaining() - headersBytes;
        long total = Arrays.stream(sizes).asLongStream().sum();
        if (!(sizes.length == 1 && sizes[0] > dataBytes) && total != dataBytes) {
            throw malformed(sizes.length + " AUs of " + total + " bytes in " + dataBytes);
        }
        return new AuHeaders(
                Arrays.stream(sizes).boxed().toList(), bytes.slice(2 + headersBytes, bytes.remaining() - headersBytes));
    }

    /** {@code count} (0-16) bits from bit {@code offset} of {@code bytes}, most significant first. */
    private static int bits(ByteBuffer bytes, int offset, int count) {
        int value = 0;
        for (int bit = offset; bit < offset + count; bit++) {
            value = (value << 1) | ((bytes.get(bit >>> 3) >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    /** One AU larger than the bytes that follow: a fragment of it (RFC 3640 §3.2.3), the rest in the next packets. */
    boolean fragmentary() {
        return sizesBytes.size() == 1 && sizesBytes.get(0) > data.remaining();
    }

    static MediaException malformed(String why) {
        return new MediaException(MediaError.MALFORMED_AAC, why);
    }
}
