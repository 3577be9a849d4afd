package io.vigil.media.rtsp.client;

/**
 * What a session counted since it connected: RTP packets handed to the listener, sender reports received, receiver
 * reports sent, keep-alives the camera answered, interleaved frames on channels of no track (skipped), packets refused
 * as malformed (RTP or RTCP, skipped) and packets that came before PLAY's answer (skipped).
 */
public record RtspSessionCounters(
        long rtpPackets,
        long senderReports,
        long receiverReportsSent,
        long keepAlivesAnswered,
        long unknownChannelFrames,
        long malformedPackets,
        long packetsBeforePlay) {

    public RtspSessionCounters {
        if (rtpPackets < 0
                || senderReports < 0
                || receiverReportsSent < 0
                || keepAlivesAnswered < 0
                || unknownChannelFrames < 0
                || malformedPackets < 0
                || packetsBeforePlay < 0) {
            throw new IllegalArgumentException("a negative count");
        }
    }
}
