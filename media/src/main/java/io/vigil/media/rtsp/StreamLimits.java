package io.vigil.media.rtsp;

/**
 * The bounds an {@link InterleavedDecoder} holds a camera's byte stream to. An interleaved frame is at most 65,535
 * payload bytes by definition (a 16-bit length); these bound the RTSP messages between frames and the garbage the
 * decoder skips while resynchronising, so the decoder never holds more than {@link #bufferBytes()}.
 */
public record StreamLimits(int maxHeaderBytes, int maxHeaders, int maxBodyBytes, int maxSkippedBytes) {

    /** Interleaved frame header: {@code $}, channel, 16-bit length. */
    public static final int FRAME_HEADER_BYTES = 4;

    public static final int MAX_FRAME_PAYLOAD_BYTES = 0xFFFF;
    /** Enough for any camera's DESCRIBE answer; cameras' SDPs are a few KiB. */
    public static final StreamLimits DEFAULT = new StreamLimits(16 * 1024, 64, 64 * 1024, 64 * 1024);

    public StreamLimits {
        if (maxHeaderBytes < 64 || maxHeaders < 1 || maxBodyBytes < 0 || maxSkippedBytes < 0) {
            throw new IllegalArgumentException("stream limits too small: header bytes " + maxHeaderBytes + ", headers "
                    + maxHeaders + ", body bytes " + maxBodyBytes + ", skipped bytes " + maxSkippedBytes);
        }
        if ((long) maxHeaderBytes + maxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("an RTSP message of more than 16 MiB: header bytes " + maxHeaderBytes
                    + " + body bytes " + maxBodyBytes);
        }
    }

    /** The most bytes a decoder ever buffers: the larger of a whole frame and a whole message. */
    public int bufferBytes() {
        return Math.max(FRAME_HEADER_BYTES + MAX_FRAME_PAYLOAD_BYTES, maxHeaderBytes + maxBodyBytes);
    }
}
