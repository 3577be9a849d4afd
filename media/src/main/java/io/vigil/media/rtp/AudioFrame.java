package io.vigil.media.rtp;

import java.nio.ByteBuffer;

/**
 * One AAC access unit (glossary: audio frame, 1024 samples) from RTP: its raw bytes (no ADTS header), read-only and
 * its own (the depacketizer copies each AU once into a new array), so it outlives the packet's buffer, which the network
 * layer reuses, until its fragment is written; and its RTP timestamp, extended past wrap-around.
 */
public record AudioFrame(long rtpTimestamp, ByteBuffer bytes) {

    public AudioFrame {
        if (!bytes.hasRemaining()) {
            throw new IllegalArgumentException("an audio frame holds bytes");
        }
        bytes = bytes.asReadOnlyBuffer();
    }

    public int sizeBytes() {
        return bytes.remaining();
    }
}
