package io.vigil.media.rtsp.client;

import io.vigil.media.MediaException;
import io.vigil.media.rtcp.SenderReport;
import io.vigil.media.rtp.RtpPacket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that keeps what it is told, for tests to poll from their own thread. */
class RecordingListener implements RtspSession.Listener {

    final Map<String, AtomicInteger> packetsByType = new ConcurrentHashMap<>();
    final List<SenderReport> senderReports = new CopyOnWriteArrayList<>();
    final List<Object> closes = new CopyOnWriteArrayList<>();
    final Map<String, Integer> firstSequenceNumbers = new ConcurrentHashMap<>();

    @Override
    public void onRtp(RtspTrack track, RtpPacket packet) {
        packetsByType
                .computeIfAbsent(track.mediaType(), t -> new AtomicInteger())
                .incrementAndGet();
        firstSequenceNumbers.putIfAbsent(track.mediaType(), packet.sequenceNumber());
    }

    @Override
    public void onSenderReport(RtspTrack track, SenderReport report) {
        senderReports.add(report);
    }

    @Override
    public void onClosed(MediaException cause) {
        closes.add(cause == null ? "closed by us" : cause);
    }

    int packets(String mediaType) {
        AtomicInteger count = packetsByType.get(mediaType);
        return count == null ? 0 : count.get();
    }
}
