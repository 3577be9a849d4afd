package io.vigil.media.fmp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes ISO BMFF boxes into a growing array, big-endian: {@link #box} opens a size-prefixed box, {@link #fullBox} one
 * with version and flags, {@link #end} closes the innermost one and writes its size. Meant for headers (ftyp, moov,
 * moof): sample data is not written through it, so it is never copied twice.
 */
final class BoxWriter {

    private final Deque<Integer> open = new ArrayDeque<>();
    private byte[] bytes = new byte[256];
    private int size;

    BoxWriter box(String type) {
        open.push(size);
        u32(0);
        return fourCc(type);
    }

    BoxWriter fullBox(String type, int version, int flags) {
        return box(type).u8(version).u24(flags);
    }

    BoxWriter end() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no box open");
        }
        int start = open.pop();
        putU32(start, size - start);
        return this;
    }

    BoxWriter fourCc(String type) {
        byte[] ascii = type.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("a box type is four characters: " + type);
        }
        return bytes(ascii);
    }

    BoxWriter u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    BoxWriter u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    BoxWriter u24(int value) {
        return u8(value >>> 16).u16(value);
    }

    BoxWriter u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    BoxWriter u64(long value) {
        return u32(value >>> 32).u32(value);
    }

    BoxWriter zeros(int count) {
        ensure(count);
        size += count;
        return this;
    }

    BoxWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    BoxWriter bytes(ByteBuffer value) {
        ensure(value.remaining());
        value.duplicate().get(bytes, size, value.remaining());
        size += value.remaining();
        return this;
    }

    /** Where the next byte goes: the offset of a field to {@link #putU32 patch} later. */
    int position() {
        return size;
    }

    /** Overwrites four bytes already written. */
    BoxWriter putU32(int offset, long value) {
        if (offset < 0 || offset + 4 > size) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside " + size + " bytes");
        }
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (24 - 8 * i));
        }
        return this;
    }

    /** The bytes written; every box must be closed. */
    byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " box(es) still open");
        }
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
