package io.vigil.media.rtsp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One stream of a PLAY answer's RTP-Info (RFC 2326 §12.33): its URL and, when the server says them, the sequence
 * number and RTP time of its first packet.
 */
public record RtpInfo(String url, OptionalInt sequenceNumber, OptionalLong rtpTime) {

    public RtpInfo {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("RTP-Info without a URL");
        }
        if (sequenceNumber.isPresent() && (sequenceNumber.getAsInt() < 0 || sequenceNumber.getAsInt() > 0xFFFF)) {
            throw new IllegalArgumentException("an RTP sequence number of " + sequenceNumber.getAsInt());
        }
        if (rtpTime.isPresent() && (rtpTime.getAsLong() < 0 || rtpTime.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("an RTP time of " + rtpTime.getAsLong());
        }
    }

    /** {@code url=rtsp://cam/track1;seq=17;rtptime=1234,url=...}: every stream, in order. */
    public static List<RtpInfo> parseAll(String value) {
        List<RtpInfo> streams = new ArrayList<>();
        for (String stream : value.split(",")) {
            if (stream.isBlank()) {
                continue;
            }
            String url = null;
            OptionalInt seq = OptionalInt.empty();
            OptionalLong time = OptionalLong.empty();
            for (String part : stream.split(";")) {
                String parameter = part.trim();
                String name = RtspHeaders.lower(parameter);
                if (name.startsWith("url=")) {
                    url = parameter.substring(4).trim();
                } else if (name.startsWith("seq=")) {
                    seq = OptionalInt.of((int) number(parameter.substring(4), 0xFFFF, value));
                } else if (name.startsWith("rtptime=")) {
                    time = OptionalLong.of(number(parameter.substring(8), 0xFFFF_FFFFL, value));
                }
            }
            if (url == null || url.isEmpty()) {
                throw new MediaException(MediaError.MALFORMED_HEADER, "RTP-Info without url: '" + value + "'");
            }
            streams.add(new RtpInfo(url, seq, time));
        }
        return List.copyOf(streams);
    }

    private static long number(String digits, long max, String value) {
        String trimmed = digits.trim();
        if (!trimmed.matches("\\d{1,10}") || Long.parseLong(trimmed) > max) {
            throw new MediaException(
                    MediaError.MALFORMED_HEADER, "RTP-Info number '" + trimmed + "' in '" + value + "'");
        }
        return Long.parseLong(trimmed);
    }
}
