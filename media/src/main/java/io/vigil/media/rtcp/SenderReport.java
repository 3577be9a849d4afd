package io.vigil.media.rtcp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An RTCP sender report (RFC 3550 §6.4.1): which RTP timestamp of {@code ssrc}'s clock the sender's wall clock
 * ({@code ntpTimestamp}, 64-bit NTP: seconds since 1900 and a 32-bit fraction) read when it sent the report, and how
 * many packets and payload bytes it had sent. {@link #parseAll} reads them out of a compound packet.
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {

    /** Packet type of a sender report. */
    public static final int PACKET_TYPE = 200;

    static final int RTCP_HEADER_BYTES = 4;
    /** Header, SSRC, NTP timestamp, RTP timestamp, packet and octet counts. */
    private static final int SENDER_INFO_END = 28;
    /** Seconds from 1900-01-01 (NTP's era 0) to 1970-01-01. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    public SenderReport {
        for (long word : new long[] {ssrc, rtpTimestamp, packetCount, octetCount}) {
            if (word < 0 || word > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("a 32-bit field of a sender report: " + word);
            }
        }
    }

    /**
     * The sender's wall clock as an instant. NTP seconds wrap in 2036: a timestamp whose top bit is clear is taken as
     * the next era (2036-2104), as RFC 4330 §3 does.
     */
    public Instant ntpTime() {
        long seconds = ntpTimestamp >>> 32;
        long fraction = ntpTimestamp & 0xFFFF_FFFFL;
        if (seconds < 0x8000_0000L) {
            seconds += 1L << 32;
        }
        return Instant.ofEpochSecond(seconds - NTP_TO_UNIX_SECONDS, (fraction * 1_000_000_000L) >>> 32);
    }

    /** The middle 32 bits of the NTP timestamp: what a receiver report echoes as LSR. */
    public long middle32() {
        return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
    }

    /**
     * Every sender report of the compound RTCP packet in {@code compound}'s remaining bytes (position unchanged), in
     * order; other packet types (RR, SDES, BYE, APP, ...) are skipped. A packet that is not version 2 or whose length
     * runs past the bytes is refused ({@link MediaError#MALFORMED_RTCP}).
     */
    public static List<SenderReport> parseAll(ByteBuffer compound) {
        ByteBuffer bytes = compound.slice();
        List<SenderReport> reports = new ArrayList<>(1);
        int at = 0;
        while (at < bytes.limit()) {
            if (bytes.limit() - at < RTCP_HEADER_BYTES) {
                throw malformed((bytes.limit() - at) + " bytes left, less than an RTCP header");
            }
            int first = bytes.get(at) & 0xFF;
            if (first >> 6 != 2) {
                throw malformed("version " + (first >> 6) + " at byte " + at);
            }
            int packetBytes = 4 * ((bytes.getShort(at + 2) & 0xFFFF) + 1);
            if (packetBytes > bytes.limit() - at) {
                throw malformed("a packet of " + packetBytes + " bytes where " + (bytes.limit() - at) + " are left");
            }
            if ((bytes.get(at + 1) & 0xFF) == PACKET_TYPE) {
                if (packetBytes < SENDER_INFO_END) {
                    throw malformed("a sender report of " + packetBytes + " bytes");
                }
                reports.add(new SenderReport(
                        bytes.getInt(at + 4) & 0xFFFF_FFFFL,
                        bytes.getLong(at + 8),
                        bytes.getInt(at + 16) & 0xFFFF_FFFFL,
                        bytes.getInt(at + 20) & 0xFFFF_FFFFL,
                        bytes.getInt(at + 24) & 0xFFFF_FFFFL));
            }
            at += packetBytes;
        }
        return reports;
    }

    private static MediaException malformed(String why) {
        return new MediaException(MediaError.MALFORMED_RTCP, why);
    }
}
