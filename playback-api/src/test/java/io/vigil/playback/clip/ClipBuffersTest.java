package io.vigil.playback.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClipBuffersTest {

    @Test
    void aReleasedPartsMemoryServesTheNextPartOfItsSizeClass() {
        ClipBuffers buffers = new ClipBuffers();
        AtomicInteger released = new AtomicInteger();
        ByteBuf first = buffers.take(1_050_000, released::incrementAndGet);
        assertEquals(1_050_000, first.capacity());
        assertEquals(0, first.readableBytes(), "a part starts empty");
        assertTrue(first.isDirect());
        first.writeBytes(new byte[] {1, 2, 3});
        long address = first.memoryAddress();
        first.release();
        assertEquals(2L << 20, buffers.cachedBytes(), "kept, rounded up to 2 MiB");
        assertEquals(1, released.get(), "the release was told");
        assertEquals(0, buffers.outstanding());

        ByteBuf second = buffers.take(1_100_000, released::incrementAndGet);
        assertEquals(address, second.memoryAddress(), "the same memory again");
        assertEquals(1_100_000, second.capacity());
        assertEquals(0, buffers.cachedBytes());
        second.release();

        ByteBuf small = buffers.take(10, released::incrementAndGet);
        assertEquals(10, small.capacity());
        small.release();
        assertEquals((2L << 20) + (256 << 10), buffers.cachedBytes(), "small parts share the 256 KiB class");
    }

    @Test
    void atMostTheCapWaitsForReuse() {
        ClipBuffers buffers = new ClipBuffers();
        AtomicInteger released = new AtomicInteger();
        List<ByteBuf> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            parts.add(buffers.take(2 << 20, released::incrementAndGet));
        }
        parts.forEach(ByteBuf::release);
        assertEquals(ClipBuffers.MAX_CACHED_BYTES, buffers.cachedBytes(), "32 of the 40 kept, the rest dropped");
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClipBuffers().take(-1, () -> {}));
    }
}
