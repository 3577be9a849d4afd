package io.vigil.media.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.rtsp.InterleavedDecoder;
import io.vigil.media.rtsp.InterleavedFrame;
import io.vigil.media.rtsp.RtspMessage;
import io.vigil.media.rtsp.StreamLimits;
import java.nio.ByteBuffer;

/** The interleaved decoder on any bytes, split in chunks of the first byte's size: bounded items, or its refusal. */
class InterleavedDecoderFuzzTest {

    private static final StreamLimits LIMITS = new StreamLimits(256, 8, 512, 128);

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anyBytesInAnyChunksYieldBoundedItemsOrTheLibrarysRefusal(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int chunkBytes = 1 + (input[0] & 0xFF);
        InterleavedDecoder decoder = new InterleavedDecoder(LIMITS);
        try {
            for (int at = 1; at < input.length; at += chunkBytes) {
                decoder.feed(ByteBuffer.wrap(input, at, Math.min(chunkBytes, input.length - at)), item -> {
                    if (item instanceof InterleavedFrame frame) {
                        assertTrue(frame.payload().remaining() <= StreamLimits.MAX_FRAME_PAYLOAD_BYTES);
                    } else {
                        RtspMessage message = (RtspMessage) item;
                        assertTrue(message.bodyBytes() <= LIMITS.maxBodyBytes());
                        assertTrue(message.headers().lines().size() <= LIMITS.maxHeaders());
                    }
                });
                assertTrue(decoder.bufferedBytes() <= decoder.capacityBytes());
            }
        } catch (MediaException refused) {
            // the library's one declared refusal
        }
        assertEquals(LIMITS.bufferBytes(), decoder.capacityBytes(), "the buffer never grows");
    }
}
