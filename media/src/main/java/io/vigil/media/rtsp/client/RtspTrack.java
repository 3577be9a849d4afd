package io.vigil.media.rtsp.client;

import io.vigil.media.sdp.MediaDescription;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One media of a playing session: its description in the SDP, the control URL it was set up at, the interleaved
 * channels the camera granted (RTP, then RTCP) and, when the PLAY answer's RTP-Info said them, the sequence number
 * and RTP time of its first packet. {@code index} is its place among the session's tracks.
 */
public record RtspTrack(
        int index,
        MediaDescription media,
        String controlUrl,
        int rtpChannel,
        int rtcpChannel,
        OptionalInt firstSequenceNumber,
        OptionalLong firstRtpTime) {

    public RtspTrack {
        if (index < 0) {
            throw new IllegalArgumentException("a track index of " + index);
        }
        if (rtpChannel < 0 || rtpChannel > 255 || rtcpChannel < 0 || rtcpChannel > 255 || rtpChannel == rtcpChannel) {
            throw new IllegalArgumentException("interleaved channels " + rtpChannel + "-" + rtcpChannel);
        }
        if (media.rtpMap().isEmpty()) {
            throw new IllegalArgumentException("a track without an rtpmap: its encoding is unknown");
        }
    }

    /** {@code video} or {@code audio}. */
    public String mediaType() {
        return media.mediaType();
    }

    /** {@code H264}, {@code H265} or {@code MPEG4-GENERIC}. */
    public String encodingName() {
        return media.encodingName().orElseThrow();
    }

    /** The RTP clock of this track (90,000 Hz for video). */
    public int clockRateHz() {
        return media.rtpMap().orElseThrow().clockRateHz();
    }

    RtspTrack withRtpInfo(OptionalInt sequenceNumber, OptionalLong rtpTime) {
        return new RtspTrack(index, media, controlUrl, rtpChannel, rtcpChannel, sequenceNumber, rtpTime);
    }
}
