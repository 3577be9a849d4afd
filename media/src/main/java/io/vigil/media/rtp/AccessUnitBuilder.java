package io.vigil.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The access unit a depacketizer is assembling: NAL units copied once, end to end, into one array that becomes the
 * finished unit's (the next unit gets a new array, sized after this one). Bounded: bytes past {@code maxBytes} make
 * the unit damaged instead of growing the array. A NAL unit is opened, appended to (fragments), then closed, when
 * Annex-B start codes inside it split it in several.
 */
final class AccessUnitBuilder {

    private static final int MIN_CAPACITY_BYTES = 4 * 1024;

    private final int maxBytes;
    private byte[] bytes = new byte[MIN_CAPACITY_BYTES];
    private int size;
    /** {@link #bytes}, read-only, made when first sliced: NAL units are slices of it, one object each. */
    private ByteBuffer view;

    private final List<int[]> nals = new ArrayList<>();
    private int openAt = -1;
    private boolean damaged;

    AccessUnitBuilder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean isEmpty() {
        return nals.isEmpty() && openAt < 0;
    }

    boolean isDamaged() {
        return damaged;
    }

    void damage() {
        damaged = true;
        openAt = -1;
    }

    boolean hasOpenNal() {
        return openAt >= 0;
    }

    /** Starts a NAL unit with its header (1 byte for H.264, 2 for H.265; a fragmented one's is rebuilt). */
    void open(byte[] header) {
        if (damaged) {
            return;
        }
        openAt = size;
        if (size + header.length > maxBytes) {
            damage();
            return;
        }
        ensure(size + header.length);
        System.arraycopy(header, 0, bytes, size, header.length);
        size += header.length;
    }

    void append(ByteBuffer part) {
        if (damaged || openAt < 0) {
            return;
        }
        if (size + part.remaining() > maxBytes) {
            damage();
            return;
        }
        int n = part.remaining();
        ensure(size + n);
        part.get(part.position(), bytes, size, n); // absolute: neither moves the part nor makes a duplicate of it
        size += n;
    }

    /**
     * Ends the open NAL unit, split at any Annex-B start code (00 00 01) inside it; returns the NAL units added, as
     * slices valid until the next {@link #append}.
     */
    List<ByteBuffer> close() {
        List<ByteBuffer> added = new ArrayList<>();
        if (damaged || openAt < 0) {
            openAt = -1;
            return added;
        }
        int pieceStart = openAt;
        // t is where a start code's last byte would be; a byte other than 0 and 1 there rules out every code that
        // could hold it, so the search steps 3 bytes (most of a slice's bytes), else 1
        int t = openAt + 2;
        while (t < size) {
            byte b = bytes[t];
            if (b == 1 && bytes[t - 1] == 0 && bytes[t - 2] == 0) {
                addPiece(pieceStart, t - 2, added);
                pieceStart = t + 1;
                t += 3;
            } else if (b == 0) {
                t++;
            } else {
                t += 3;
            }
        }
        addPiece(pieceStart, size, added);
        openAt = -1;
        return added;
    }

    /** The unit's NAL units as slices of its array; the builder starts over with a new array. */
    List<ByteBuffer> finish() {
        List<ByteBuffer> slices = new ArrayList<>(nals.size());
        for (int[] nal : nals) {
            slices.add(slice(nal[0], nal[1]));
        }
        bytes = new byte[Math.max(MIN_CAPACITY_BYTES, Math.min(maxBytes, size + size / 4))];
        view = null;
        reset();
        return slices;
    }

    void reset() {
        size = 0;
        nals.clear();
        openAt = -1;
        damaged = false;
    }

    private void addPiece(int from, int to, List<ByteBuffer> added) {
        while (to > from && bytes[to - 1] == 0) {
            to--; // a NAL unit never ends in a zero byte: these belong to a start code (00 00 00 01)
        }
        if (to > from) {
            nals.add(new int[] {from, to - from});
            added.add(slice(from, to - from));
        }
    }

    private ByteBuffer slice(int from, int length) {
        if (view == null) {
            view = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }
        return view.slice(from, length);
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            byte[] larger = new byte[(int) Math.min(maxBytes, Math.max(capacity, 2L * bytes.length))];
            System.arraycopy(bytes, 0, larger, 0, size);
            bytes = larger;
            view = null;
        }
    }
}
