package io.vigil.media.rtsp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.OptionalLong;

/**
 * The interleaved channels a SETUP answer's Transport header grants (RFC 2326 §12.39), e.g.
 * {@code RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=1A2B3C4D}: RTP on the first channel, RTCP on the second. The SSRC
 * is a hint: one that is not hexadecimal is left out rather than refused.
 */
public record InterleavedTransport(int rtpChannel, int rtcpChannel, OptionalLong ssrc) {

    public InterleavedTransport {
        if (rtpChannel < 0 || rtpChannel > 255 || rtcpChannel < 0 || rtcpChannel > 255 || rtpChannel == rtcpChannel) {
            throw new IllegalArgumentException("interleaved channels " + rtpChannel + "-" + rtcpChannel);
        }
    }

    /** The transport of a SETUP answer; one without {@code interleaved=} is refused. */
    public static InterleavedTransport parse(String value) {
        Integer rtp = null;
        Integer rtcp = null;
        OptionalLong ssrc = OptionalLong.empty();
        for (String part : value.split(";")) {
            String parameter = RtspHeaders.lower(part.trim());
            if (parameter.startsWith("interleaved=")) {
                String[] channels = parameter.substring("interleaved=".length()).split("-", -1);
                if (channels.length > 2
                        || !channels[0].matches("\\d{1,3}")
                        || (channels.length == 2 && !channels[1].matches("\\d{1,3}"))) {
                    throw malformed(value);
                }
                rtp = Integer.parseInt(channels[0]);
                rtcp = channels.length == 2 ? Integer.parseInt(channels[1]) : rtp + 1;
            } else if (parameter.startsWith("ssrc=")) {
                // a hint only: cameras send " d6d6627" (Hikvision), "0x..." and decimal; what is not hex is left out
                String hex = parameter.substring("ssrc=".length()).trim();
                ssrc = hex.matches("[0-9a-f]{1,8}") ? OptionalLong.of(Long.parseLong(hex, 16)) : OptionalLong.empty();
            }
        }
        if (rtp == null || rtp > 255 || rtcp > 255 || rtp.equals(rtcp)) {
            throw malformed(value);
        }
        return new InterleavedTransport(rtp, rtcp, ssrc);
    }

    private static MediaException malformed(String value) {
        return new MediaException(
                MediaError.MALFORMED_HEADER, "Transport without usable interleaved channels: '" + value + "'");
    }
}
