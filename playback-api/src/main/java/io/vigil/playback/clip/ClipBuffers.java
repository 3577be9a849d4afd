package io.vigil.playback.clip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Off-heap buffers for clip parts, kept for the next part once the HTTP server has written and released
 * one. A part is a whole media segment (about 1 MB at 4 Mbit/s), and both of Netty's allocators give an
 * allocation that size a fresh chunk and free it again (measured: allocating and zeroing took a third of
 * an export's CPU); here a buffer is allocated and zeroed once, then reused. Buffers come in power-of-two
 * sizes from 256 KiB, one free list per size; at most {@link #MAX_CACHED_BYTES} wait in the lists.
 */
@Singleton
public class ClipBuffers {

    static final long MAX_CACHED_BYTES = 64L << 20;
    private static final int MIN_SHIFT = 18;
    private static final int MAX_SHIFT = 30;

    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedDeque<ByteBuffer>[] free = new ConcurrentLinkedDeque[MAX_SHIFT + 1];

    private final AtomicLong cachedBytes = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();

    public ClipBuffers() {
        for (int i = MIN_SHIFT; i <= MAX_SHIFT; i++) {
            free[i] = new ConcurrentLinkedDeque<>();
        }
    }

    /**
     * An empty buffer of exactly {@code sizeBytes} capacity, whose release hands its memory back here and
     * then runs {@code onRelease}.
     */
    public ByteBuf take(int sizeBytes, Runnable onRelease) {
        int shift = shiftFor(sizeBytes);
        ByteBuffer memory = free[shift].pollFirst();
        if (memory == null) {
            memory = ByteBuffer.allocateDirect(1 << shift);
        } else {
            cachedBytes.addAndGet(-memory.capacity());
        }
        memory.clear().limit(sizeBytes);
        outstanding.incrementAndGet();
        Part part = new Part(memory, shift, onRelease);
        part.clear(); // wrapping counts the memory as written; this part starts empty
        return part;
    }

    /** Buffers taken and not yet released (0 when no export runs: a higher count is a leak). */
    public long outstanding() {
        return outstanding.get();
    }

    /** Bytes of buffers waiting to be reused. */
    long cachedBytes() {
        return cachedBytes.get();
    }

    private static int shiftFor(int sizeBytes) {
        if (sizeBytes < 0 || sizeBytes > 1 << MAX_SHIFT) {
            throw new IllegalArgumentException("a clip part of " + sizeBytes + " bytes");
        }
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(sizeBytes, 1) - 1);
        return Math.max(MIN_SHIFT, shift);
    }

    private void give(ByteBuffer memory, int shift) {
        if (cachedBytes.addAndGet(memory.capacity()) <= MAX_CACHED_BYTES) {
            free[shift].offerFirst(memory);
        } else {
            cachedBytes.addAndGet(-memory.capacity()); // dropped: the JDK frees it once unreachable
        }
    }

    /** A buffer over pooled memory: Netty's release returns the memory instead of freeing it. */
    private final class Part extends UnpooledDirectByteBuf {
        private final ByteBuffer memory;
        private final int shift;
        private final Runnable onRelease;

        Part(ByteBuffer memory, int shift, Runnable onRelease) {
            super(UnpooledByteBufAllocator.DEFAULT, memory, memory.limit());
            this.memory = memory;
            this.shift = shift;
            this.onRelease = onRelease;
        }

        @Override
        protected void deallocate() {
            super.deallocate(); // a wrapped buffer: forgets it, frees nothing
            give(memory, shift);
            outstanding.decrementAndGet();
            onRelease.run();
        }
    }
}
