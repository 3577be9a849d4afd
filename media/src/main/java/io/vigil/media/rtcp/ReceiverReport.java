package io.vigil.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An RTCP receiver report about one source (RFC 3550 §6.4.2), written as a compound packet with the SDES CNAME item
 * every compound packet carries (§6.1): the reporter's SSRC, then one report block: the source's SSRC, the fraction
 * lost since the last report (0-255, in 1/256), the cumulative number lost (24-bit signed, clamped), the extended
 * highest sequence number received, the interarrival jitter, LSR (the middle 32 bits of the last sender report's NTP
 * timestamp, 0 if none) and DLSR (the delay since that report, in 1/65536 s).
 */
public record ReceiverReport(
        long reporterSsrc,
        long sourceSsrc,
        int fractionLost,
        int cumulativeLost,
        long extendedHighestSequence,
        long jitter,
        long lastSenderReport,
        long delaySinceLastSenderReport) {

    /** Packet type of a receiver report. */
    public static final int PACKET_TYPE = 201;
    /** Packet type of a source description. */
    public static final int SDES_PACKET_TYPE = 202;

    private static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x80_0000;
    private static final byte[] CNAME = "vigil".getBytes(StandardCharsets.US_ASCII);
    /** SDES: header, SSRC, CNAME item (type, length, text), end item, padded to 32 bits. */
    private static final int SDES_BYTES = (4 + 4 + 2 + CNAME.length + 1 + 3) / 4 * 4;

    public static final int BYTES = 32 + SDES_BYTES;

    public ReceiverReport {
        for (long word : new long[] {
            reporterSsrc, sourceSsrc, extendedHighestSequence, jitter, lastSenderReport, delaySinceLastSenderReport
        }) {
            if (word < 0 || word > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("a 32-bit field of a receiver report: " + word);
            }
        }
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("a fraction lost in 1/256: " + fractionLost);
        }
        cumulativeLost = Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost));
    }

    /** The compound packet: this receiver report, then the reporter's SDES CNAME. */
    public byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(BYTES);
        out.put((byte) 0x81) // version 2, no padding, one report block
                .put((byte) PACKET_TYPE)
                .putShort((short) (32 / 4 - 1))
                .putInt((int) reporterSsrc)
                .putInt((int) sourceSsrc)
                .putInt((fractionLost << 24) | (cumulativeLost & 0xFF_FFFF))
                .putInt((int) extendedHighestSequence)
                .putInt((int) jitter)
                .putInt((int) lastSenderReport)
                .putInt((int) delaySinceLastSenderReport);
        out.put((byte) 0x81) // version 2, one chunk
                .put((byte) SDES_PACKET_TYPE)
                .putShort((short) (SDES_BYTES / 4 - 1))
                .putInt((int) reporterSsrc)
                .put((byte) 1) // CNAME
                .put((byte) CNAME.length)
                .put(CNAME);
        return out.array(); // the rest is the end item and padding: zeros
    }
}
