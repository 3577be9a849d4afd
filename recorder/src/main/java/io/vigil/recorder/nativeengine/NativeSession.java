package io.vigil.recorder.nativeengine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.vigil.live.LiveEdge;
import io.vigil.media.MediaException;
import io.vigil.media.rtcp.SenderReport;
import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.rtsp.client.RtspSession;
import io.vigil.media.rtsp.client.RtspTrack;
import io.vigil.recorder.SegmentClock;
import io.vigil.recorder.SegmentOutput;
import io.vigil.recorder.SessionContext;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.StreamSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's session in the native engine. Packets come on the RTSP client's event loop from the moment PLAY is
 * answered: they are depacketized ({@link SessionTracks}), dated ({@link SegmentClock}) and segmented
 * ({@link NativeSegmenter}) there, and the segments go to the session's {@link SegmentOutput} once {@link #run} gave
 * one ({@link SegmentHandover}). {@link #run} itself only waits for the session to end: no thread reads.
 */
final class NativeSession implements StreamSession, RtspSession.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NativeSession.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final String cameraId;
    private final Clock clock;
    private final MeterRegistry meters;
    private final long segmentMillis;
    private final long partMillis;
    private final SegmentClock segmentClock;
    /** Set on the event loop when the session plays, before its first packet; read by the facts after open. */
    private volatile SessionTracks tracks;

    private volatile NativeSegmenter segmenter;
    private volatile StreamError unrecordable;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> firstPicture = new CompletableFuture<>();
    private volatile RtspSession rtsp;
    private volatile boolean stopRequested;
    private volatile String notNative;

    private final SegmentHandover handover;
    private final LiveFeed feed;
    /** The camera goes to the FFmpeg engine: its live edge here would only go stale. */
    private final Runnable liveEdgeAbandoned;

    NativeSession(
            String cameraId,
            Clock clock,
            MeterRegistry meters,
            SegmentClock segmentClock,
            long segmentMillis,
            long partMillis,
            LiveEdge edge,
            Runnable liveEdgeAbandoned) {
        this.cameraId = cameraId;
        this.clock = clock;
        this.meters = meters;
        this.segmentClock = segmentClock;
        this.segmentMillis = segmentMillis;
        this.partMillis = partMillis;
        this.handover = new SegmentHandover(cameraId, () -> {
            SessionTracks known = tracks;
            return known == null ? 0 : known.damagedFrames();
        });
        this.feed = new LiveFeed(handover, edge, segmentClock, clock, partMillis);
        this.liveEdgeAbandoned = liveEdgeAbandoned;
    }

    /** On the event loop, before the first packet: the tracks the session plays. */
    @Override
    public void onPlaying(RtspSession session) {
        rtsp = session;
        try {
            tracks = SessionTracks.of(session, meters, cameraId);
            segmenter = new NativeSegmenter(tracks.videoCodec(), tracks.audioTrack(), segmentMillis, partMillis, feed);
        } catch (StreamError e) {
            unrecordable = e;
            session.close();
            return;
        }
        if (stopRequested) {
            session.close();
        }
    }

    /** Why the session cannot be recorded although it plays, or null. */
    StreamError unrecordable() {
        return unrecordable;
    }

    /** Completes with the first picture's parameter sets known (the resolution), or exceptionally. */
    CompletableFuture<Void> firstPicture() {
        return firstPicture;
    }

    @Override
    public String videoCodec() {
        return tracks.videoCodecName();
    }

    @Override
    @Nullable
    public String audioCodec() {
        return tracks.audioTrack().isPresent() ? "aac" : null;
    }

    @Override
    public String resolution() {
        return tracks.resolution();
    }

    @Override
    @Nullable
    public String ignoredAudioCodec() {
        return tracks.ignoredAudioCodec();
    }

    // ---- on the event loop

    @Override
    public void onRtp(RtspTrack track, RtpPacket packet) {
        if (notNative != null || segmenter == null) {
            return;
        }
        tracks.push(track, packet, this::onAccessUnit, this::onAudioFrame);
    }

    private void onAccessUnit(AccessUnit unit) {
        Instant receivedAt = clock.instant();
        feed.arrived(System.nanoTime());
        if (!unit.parameterSets().isEmpty() && !firstPicture.isDone()) {
            tracks.learnResolution(unit.parameterSets());
            firstPicture.complete(null);
        }
        tracks.videoArrived(unit.rtpTimestamp(), receivedAt);
        try {
            // observed after the segmenter repaired the timestamp: a jump must not move the arrival estimate
            segmentClock.observe(segmenter.video(unit), receivedAt);
        } catch (NativeSegmenter.ReorderedFrames e) {
            refuse(e.getMessage());
        } catch (MediaException e) {
            // parameter sets the fMP4 writer cannot use: FFmpeg may still make sense of them
            refuse("the native engine cannot write this stream: " + e.getMessage());
        }
    }

    private void refuse(String why) {
        notNative = why;
        RtspSession session = rtsp;
        if (session != null) {
            session.close();
        }
    }

    private void onAudioFrame(AudioFrame frame) {
        if (!segmenter.audioAnchored()) {
            tracks.audioAnchor(frame, clock.instant(), segmenter)
                    .ifPresent(micros -> segmenter.anchorAudio(frame.rtpTimestamp(), micros));
        }
        segmenter.audio(frame);
    }

    @Override
    public void onSenderReport(RtspTrack track, SenderReport report) {
        if (segmenter != null
                && tracks.isVideo(track)
                && tracks.lastVideoTimestamp().isPresent()) {
            long timestamp = TrackTimeline.extendNear(
                    report.rtpTimestamp(), tracks.lastVideoTimestamp().getAsLong());
            segmentClock.senderReport(segmenter.streamMicros(timestamp), report.ntpTime());
        }
    }

    @Override
    public void onClosed(MediaException cause) {
        if (segmenter != null) {
            segmenter.finish();
        }
        feed.ended();
        if (!firstPicture.isDone()) {
            firstPicture.completeExceptionally(
                    cause != null ? cause : new IllegalStateException("the session was closed"));
        }
        if (cause != null) {
            LOG.info("Camera {}: session closed: {}", cameraId, cause.getMessage());
        }
        ended.complete(
                cause == null ? (notNative != null ? notNative : "stopped") : NativeEngine.NativeErrors.words(cause));
    }

    // ---- on the recorder's thread

    @Override
    public String run(SessionContext context) throws StreamError {
        SegmentOutput attached = context.newOutput(segmentClock, tracks.aacProfile());
        if (context.previousSegmentEnd() != null) {
            segmentClock.ended(context.previousSegmentEnd());
        }
        attached.open();
        handover.attach(attached, context);
        String reason;
        try {
            reason = ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        } catch (ExecutionException e) {
            reason = e.getCause().getMessage();
        }
        attached.close(clock.instant(), reason);
        if (tracks.lostPackets() > 0 || tracks.damagedFrames() > 0) {
            LOG.info(
                    "Camera {}: {} RTP packet(s) lost, {} damaged frame(s) dropped in session {}",
                    cameraId,
                    tracks.lostPackets(),
                    tracks.damagedFrames(),
                    context.session().id());
        }
        if (notNative != null) {
            liveEdgeAbandoned.run();
            throw new StreamError(notNative, StreamError.Kind.NOT_NATIVE);
        }
        return reason;
    }

    @Override
    public void requestStop() {
        stopRequested = true;
        RtspSession session = rtsp;
        if (session != null) {
            session.close();
        }
    }

    @Override
    public long segments() {
        return handover.segments();
    }

    @Override
    public int timestampRepairs() {
        NativeSegmenter running = segmenter;
        return running == null ? 0 : running.timestampJumps();
    }

    @Override
    public void close() {
        requestStop();
        RtspSession session = rtsp;
        if (session != null) {
            try {
                session.closed().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Camera {}: RTSP session not closed within {} s", cameraId, CLOSE_TIMEOUT.toSeconds());
            }
        }
    }
}
