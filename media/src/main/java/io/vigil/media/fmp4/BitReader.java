package io.vigil.media.fmp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads bits most significant first, and Exp-Golomb codes (H.264/H.265 {@code ue(v)}, {@code se(v)}), from bytes a
 * camera sent: it refuses to read past their end, or a code longer than 31 bits, with a {@link MediaException} of the
 * error it was made with.
 */
final class BitReader {

    private final byte[] bytes;
    private final MediaError error;
    private final String what;
    private long bit;

    BitReader(byte[] bytes, MediaError error, String what) {
        this.bytes = bytes;
        this.error = error;
        this.what = what;
    }

    /** A reader of a NAL unit's RBSP: its bytes without emulation prevention bytes (00 00 03 -> 00 00). */
    static BitReader rbsp(ByteBuffer nalUnit, String what) {
        ByteBuffer in = nalUnit.duplicate();
        byte[] out = new byte[in.remaining()];
        int size = 0;
        int zeros = 0;
        while (in.hasRemaining()) {
            byte b = in.get();
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[size++] = b;
        }
        return new BitReader(Arrays.copyOf(out, size), MediaError.MALFORMED_PARAMETER_SET, what);
    }

    /** The next {@code count} bits (up to 32; 32 bits come back as the int of that bit pattern). */
    int bits(int count) {
        if (count < 0 || count > 32) {
            throw new IllegalArgumentException("reads 0 to 32 bits: " + count);
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            if (bit >= bytes.length * 8L) {
                throw malformed(what + " ends early");
            }
            value = value << 1 | (bytes[(int) (bit >>> 3)] >>> (7 - (bit & 7)) & 1);
            bit++;
        }
        return value;
    }

    boolean flag() {
        return bits(1) == 1;
    }

    void skip(long count) {
        if (count < 0 || bit + count > bytes.length * 8L) {
            throw malformed(what + " ends early");
        }
        bit += count;
    }

    int ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            if (++zeros > 30) {
                throw malformed(what + ": Exp-Golomb code too long");
            }
        }
        return (1 << zeros) - 1 + bits(zeros);
    }

    /** An {@code ue(v)} refused above {@code max}: the largest value the standard allows for the field. */
    int ue(int max, String field) {
        int value = ue();
        if (value > max) {
            throw malformed(what + ": " + field + " " + value + " above " + max);
        }
        return value;
    }

    int se() {
        int code = ue();
        return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
    }

    MediaException malformed(String why) {
        return new MediaException(error, why);
    }

    /** The refusal of parameter sets the writer cannot use (not only their bits: their types and counts too). */
    static MediaException malformedParameterSet(String why) {
        return new MediaException(MediaError.MALFORMED_PARAMETER_SET, why);
    }
}
