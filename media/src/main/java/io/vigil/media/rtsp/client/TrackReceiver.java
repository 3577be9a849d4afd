package io.vigil.media.rtsp.client;

import io.vigil.media.MediaException;
import io.vigil.media.rtcp.ReceptionStatistics;
import io.vigil.media.rtcp.SenderReport;
import io.vigil.media.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * One track's packets on their way from the connection to the listener: RTP parsed and counted for the receiver
 * reports, sender reports read out of compound RTCP. A malformed packet is refused here, not passed on. Not
 * thread-safe: its session's thread only.
 */
final class TrackReceiver {

    private final RtspTrack track;
    private final ReceptionStatistics statistics = new ReceptionStatistics();

    TrackReceiver(RtspTrack track) {
        this.track = track;
    }

    RtspTrack track() {
        return track;
    }

    /** The RTP packet in {@code payload}, counted; a malformed one is refused ({@link MediaException}). */
    RtpPacket rtp(ByteBuffer payload) {
        RtpPacket packet = RtpPacket.parse(payload);
        statistics.packet(packet.sequenceNumber(), packet.ssrc());
        return packet;
    }

    /** The sender reports of the compound RTCP packet in {@code payload}, noted for the next receiver report. */
    List<SenderReport> rtcp(ByteBuffer payload, long arrivalNanos) {
        List<SenderReport> reports = SenderReport.parseAll(payload);
        for (SenderReport report : reports) {
            statistics.senderReport(report, arrivalNanos);
        }
        return reports;
    }

    /** The interleaved frame of this track's receiver report at {@code nowNanos}, none before its first packet. */
    Optional<byte[]> receiverReportFrame(long reporterSsrc, long nowNanos) {
        return statistics.report(reporterSsrc, nowNanos).map(report -> {
            byte[] rtcp = report.bytes();
            ByteBuffer frame = ByteBuffer.allocate(4 + rtcp.length);
            frame.put((byte) '$')
                    .put((byte) track.rtcpChannel())
                    .putShort((short) rtcp.length)
                    .put(rtcp);
            return frame.array();
        });
    }
}
