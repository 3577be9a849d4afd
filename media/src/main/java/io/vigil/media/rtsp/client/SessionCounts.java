package io.vigil.media.rtsp.client;

import java.util.concurrent.atomic.AtomicLong;

/** A session's counters as it runs: written on its thread, read from any ({@link #snapshot()}). */
final class SessionCounts {

    final AtomicLong rtpPackets = new AtomicLong();
    final AtomicLong senderReports = new AtomicLong();
    final AtomicLong receiverReportsSent = new AtomicLong();
    final AtomicLong keepAlivesAnswered = new AtomicLong();
    final AtomicLong unknownChannelFrames = new AtomicLong();
    final AtomicLong malformedPackets = new AtomicLong();
    final AtomicLong packetsBeforePlay = new AtomicLong();

    RtspSessionCounters snapshot() {
        return new RtspSessionCounters(
                rtpPackets.get(),
                senderReports.get(),
                receiverReportsSent.get(),
                keepAlivesAnswered.get(),
                unknownChannelFrames.get(),
                malformedPackets.get(),
                packetsBeforePlay.get());
    }
}
