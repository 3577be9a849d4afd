package io.vigil.media.rtsp.client;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.rtcp.SenderReport;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.rtsp.InterleavedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a playing session's interleaved frames to its listener by channel: RTP of a track to
 * {@link RtspSession.Listener#onRtp}, the sender reports of its RTCP to {@link RtspSession.Listener#onSenderReport};
 * frames on other channels and malformed packets are counted and skipped. A listener that throws stops the router and
 * hands what it threw to {@code stop}. Not thread-safe: its session's thread only.
 */
final class PacketRouter {

    private final TrackReceiver[] rtpByChannel = new TrackReceiver[256];
    private final TrackReceiver[] rtcpByChannel = new TrackReceiver[256];
    private final List<TrackReceiver> receivers;
    private final RtspSession.Listener listener;
    private final SessionCounts counts;
    private final Consumer<MediaException> stop;
    private boolean stopped;
    private long lastRtpNanos;

    PacketRouter(
            List<RtspTrack> tracks,
            RtspSession.Listener listener,
            SessionCounts counts,
            Consumer<MediaException> stop,
            long startNanos) {
        List<TrackReceiver> all = new ArrayList<>();
        for (RtspTrack track : tracks) {
            TrackReceiver receiver = new TrackReceiver(track);
            rtpByChannel[track.rtpChannel()] = receiver;
            rtcpByChannel[track.rtcpChannel()] = receiver;
            all.add(receiver);
        }
        this.receivers = List.copyOf(all);
        this.listener = listener;
        this.counts = counts;
        this.stop = stop;
        this.lastRtpNanos = startNanos;
    }

    /** Routes one frame that arrived at {@code arrivalNanos}. */
    void route(InterleavedFrame frame, long arrivalNanos) {
        if (stopped) {
            return;
        }
        TrackReceiver rtp = rtpByChannel[frame.channel()];
        TrackReceiver rtcp = rtcpByChannel[frame.channel()];
        if (rtp != null) {
            RtpPacket packet;
            try {
                packet = rtp.rtp(frame.payload());
            } catch (MediaException malformed) {
                counts.malformedPackets.incrementAndGet(); // skipped; the depacketizer sees the gap
                return;
            }
            lastRtpNanos = arrivalNanos;
            counts.rtpPackets.incrementAndGet();
            try {
                listener.onRtp(rtp.track(), packet);
            } catch (RuntimeException thrown) {
                stop(thrown);
            }
        } else if (rtcp != null) {
            List<SenderReport> reports;
            try {
                reports = rtcp.rtcp(frame.payload(), arrivalNanos);
            } catch (MediaException malformed) {
                counts.malformedPackets.incrementAndGet();
                return;
            }
            for (SenderReport report : reports) {
                counts.senderReports.incrementAndGet();
                try {
                    listener.onSenderReport(rtcp.track(), report);
                } catch (RuntimeException thrown) {
                    stop(thrown);
                    return;
                }
            }
        } else {
            counts.unknownChannelFrames.incrementAndGet();
        }
    }

    /** When the last RTP packet arrived (or the session started playing). */
    long lastRtpNanos() {
        return lastRtpNanos;
    }

    /** The interleaved frames of each track's receiver report at {@code nowNanos}. */
    List<byte[]> receiverReportFrames(long reporterSsrc, long nowNanos) {
        List<byte[]> frames = new ArrayList<>(receivers.size());
        for (TrackReceiver receiver : receivers) {
            receiver.receiverReportFrame(reporterSsrc, nowNanos).ifPresent(frames::add);
        }
        return frames;
    }

    /** A listener threw: nothing more is routed, and the session ends with what it threw. */
    private void stop(RuntimeException thrown) {
        stopped = true;
        stop.accept(
                thrown instanceof MediaException media
                        ? media
                        : new MediaException(
                                MediaError.LISTENER_FAILED, "the session's listener threw " + thrown, thrown));
    }
}
