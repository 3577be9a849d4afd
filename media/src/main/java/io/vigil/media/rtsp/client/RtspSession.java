package io.vigil.media.rtsp.client;

import io.vigil.media.MediaException;
import io.vigil.media.rtcp.SenderReport;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.media.sdp.SessionDescription;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A playing RTSP session over one TCP connection, as {@link RtspClient#open} hands it out once the camera answered
 * PLAY: its description, the tracks it plays (the first H.264/H.265 video, the first AAC audio) and the media it left
 * out. Its packets go to its {@link Listener}. Safe to use from any thread.
 */
public interface RtspSession {

    /** The URL the session plays, after redirects. */
    URI url();

    SessionDescription description();

    /** The tracks set up, video first, in the order of their channels. */
    List<RtspTrack> tracks();

    /** The media of the description that were not set up (another codec, a second video, metadata, ...). */
    List<MediaDescription> ignoredMedia();

    /** "epoll" or "nio": the transport of the connection. */
    String transportName();

    /** Counts so far. */
    RtspSessionCounters counters();

    /**
     * Closes the session: TEARDOWN (its answer waited for 2 s at most), then the connection; the listener's
     * {@link Listener#onClosed} gets {@code null}. Returns at once; {@link #closed()} tells when it is done.
     */
    void close();

    /** Completes (never exceptionally) once the session is closed and its listener told. */
    CompletableFuture<Void> closed();

    /**
     * What a session tells its owner, on the session's event-loop thread (one thread per session, shared with other
     * sessions: a listener must not block), in the order things arrived. A listener that throws closes the session
     * with what it threw ({@link io.vigil.media.MediaError#LISTENER_FAILED} unless it is a {@link MediaException}).
     */
    interface Listener {

        /**
         * The camera answered PLAY: the session's tracks are known, and no packet was told yet. Called before
         * {@link RtspClient#open}'s future completes, so a listener can get ready for the packets that follow at once.
         */
        default void onPlaying(RtspSession session) {}

        /**
         * One RTP packet of {@code track}. The packet's payload is a read-only view of the connection's receive buffer,
         * valid only during this call: copy what must outlive it.
         */
        void onRtp(RtspTrack track, RtpPacket packet);

        /** A sender report about {@code track}'s source (one per SR of a compound RTCP packet). */
        default void onSenderReport(RtspTrack track, SenderReport report) {}

        /**
         * The session ended, called exactly once for a session that played (never when {@link RtspClient#open}
         * failed): {@code cause} says why (camera closed the connection, stall, a refused packet stream, a listener
         * failure), or is {@code null} when {@link #close()} or {@link RtspClient#close()} closed it.
         */
        void onClosed(MediaException cause);
    }
}
