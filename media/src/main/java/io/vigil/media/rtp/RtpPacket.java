package io.vigil.media.rtp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;

/**
 * One RTP packet (RFC 3550 §5.1), its header read and its payload a read-only slice of the bytes it was parsed from
 * (CSRCs, header extension and padding left out): valid as long as those bytes are.
 */
public record RtpPacket(
        boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, ByteBuffer payload) {

    public static final int HEADER_BYTES = 12;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("an RTP payload type is 0-127: " + payloadType);
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("an RTP sequence number is 16 bits: " + sequenceNumber);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL || ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RTP timestamp and SSRC are 32 bits: " + timestamp + ", " + ssrc);
        }
    }

    /** Reads {@code packet}'s remaining bytes (its position is left as it was); a short or impossible one is refused. */
    public static RtpPacket parse(ByteBuffer packet) {
        ByteBuffer bytes = packet.slice();
        int length = bytes.remaining();
        if (length < HEADER_BYTES) {
            throw malformed(length + " bytes, less than an RTP header");
        }
        int first = bytes.get(0) & 0xFF;
        if (first >> 6 != 2) {
            throw malformed("version " + (first >> 6));
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = bytes.get(1) & 0xFF;
        int offset = HEADER_BYTES + 4 * csrcCount;
        if (extension) {
            if (offset + 4 > length) {
                throw malformed("a header extension past the packet's end");
            }
            offset += 4 + 4 * (bytes.getShort(offset + 2) & 0xFFFF);
        }
        if (offset > length) {
            throw malformed("a header of " + offset + " bytes in a packet of " + length);
        }
        int end = length;
        if (padding) {
            int paddingBytes = bytes.get(length - 1) & 0xFF;
            if (paddingBytes == 0 || paddingBytes > length - offset) {
                throw malformed(paddingBytes + " bytes of padding where " + (length - offset) + " follow the header");
            }
            end -= paddingBytes;
        }
        ByteBuffer payload = bytes.slice(offset, end - offset).asReadOnlyBuffer();
        return new RtpPacket(
                (second & 0x80) != 0,
                second & 0x7F,
                bytes.getShort(2) & 0xFFFF,
                bytes.getInt(4) & 0xFFFF_FFFFL,
                bytes.getInt(8) & 0xFFFF_FFFFL,
                payload);
    }

    private static MediaException malformed(String why) {
        return new MediaException(MediaError.MALFORMED_RTP, why);
    }
}
