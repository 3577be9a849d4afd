package io.vigil.media.rtsp;

import java.nio.ByteBuffer;

/**
 * One interleaved frame (RFC 2326 §10.12): {@code $}, a channel byte, a 16-bit length, then that many bytes of an
 * RTP or RTCP packet. The payload is a read-only slice of the decoder's buffer, valid only until the sink it was
 * handed to returns: whoever keeps it copies it.
 */
public record InterleavedFrame(int channel, ByteBuffer payload) implements InterleavedItem {

    public InterleavedFrame {
        if (channel < 0 || channel > 255) {
            throw new IllegalArgumentException("an interleaved channel is one byte: " + channel);
        }
        if (payload.remaining() > StreamLimits.MAX_FRAME_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "an interleaved frame holds at most 65,535 bytes: " + payload.remaining());
        }
    }
}
