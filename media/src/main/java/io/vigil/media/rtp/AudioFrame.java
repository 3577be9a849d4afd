package io.vigil.media.rtp;

import java.nio.ByteBuffer;

/**
 * One AAC access unit (glossary: audio frame, 1024 samples) from RTP: its raw bytes (no ADTS header), read-only and
 * its own, and its RTP timestamp, extended past wrap-around.
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
