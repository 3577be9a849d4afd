package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import io.vigil.archive.index.RecordingSession;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.recorder.SegmentClock;
import io.vigil.recorder.SegmentCutter;
import io.vigil.recorder.SegmentOutput;
import io.vigil.recorder.SessionContext;
import io.vigil.recorder.StreamError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one RTSP session's packets into media segments: repairs timestamps, cuts on keyframes, and
 * holds back one packet per stream so each sample's duration is known when it is muxed (the last
 * sample of a fragment would otherwise get none).
 */
final class SessionIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionIngest.class);
    private static final long MAX_JUMP_MILLIS = 5_000;

    private final String cameraId;
    private final RtspSource source;
    private final RecordingSession session;
    private final CameraStatusBoard statusBoard;
    private final Clock clock;
    private final Duration stallTimeout;
    private final Fmp4Muxer muxer;
    private final SegmentOutput output;
    private final SegmentCutter cutter;
    private final SegmentClock segmentClock;
    private final RecordedTrack video;
    private final RecordedTrack audio;
    private final AVPacket packet = av_packet_alloc();
    private final UndatedKeyframe undatedKeyframe = new UndatedKeyframe();

    /** @param muxer the session's muxer, of the source's video and (if any) audio stream; closed by its owner */
    SessionIngest(SessionContext context, RtspSource source, Fmp4Muxer muxer) {
        this.cameraId = context.cameraId();
        this.source = source;
        this.session = context.session();
        this.statusBoard = context.statusBoard();
        this.clock = context.clock();
        this.stallTimeout = context.config().stallTimeout();
        this.muxer = muxer;
        this.cutter = context.newCutter();
        this.segmentClock = context.newSegmentClock();
        AVStream audioStream = source.audio();
        this.output = context.newOutput(
                segmentClock,
                audioStream == null ? null : audioStream.codecpar().profile());
        this.video = new RecordedTrack(source.video(), 0, MAX_JUMP_MILLIS);
        this.audio = audioStream == null ? null : new RecordedTrack(audioStream, 1, MAX_JUMP_MILLIS);
    }

    long segments() {
        return output.segments();
    }

    /** Packets whose timestamps had to be repaired, all tracks. */
    int timestampRepairs() {
        return video.repair.repairs() + (audio == null ? 0 : audio.repair.repairs());
    }

    /**
     * Reads until the stream ends, fails, stalls or is stopped; stores the segment in progress.
     *
     * @return why the session ended
     */
    String run() {
        output.open();
        String reason;
        try {
            while (true) {
                int ret = source.read(packet, stallTimeout);
                if (ret < 0) {
                    reason = ret == AVERROR_EOF
                            ? "stream ended"
                            : source.stalled()
                                    ? "no packet for " + stallTimeout.toSeconds() + " s"
                                    : FfmpegCodes.words(ret);
                    if (ret != AVERROR_EOF && !source.stalled()) {
                        LOG.warn("Camera {}: FFmpeg's read failed: {}", cameraId, FfmpegCodes.describe(ret));
                    }
                    break;
                }
                Instant receivedAt = clock.instant();
                int index = packet.stream_index();
                if (index == source.videoIndex()) {
                    onVideo(receivedAt);
                } else if (audio != null && index == source.audioIndex()) {
                    onAudio();
                }
                av_packet_unref(packet);
            }
        } catch (StreamError e) {
            reason = e.getMessage();
            LOG.warn("Camera {}: {}", cameraId, e.forLog());
        }
        try {
            finish();
        } catch (StreamError e) {
            LOG.warn("Camera {}: last segment of session {} lost: {}", cameraId, session.id(), e.forLog());
        }
        output.close(clock.instant(), reason);
        return reason;
    }

    private void onVideo(Instant receivedAt) throws StreamError {
        boolean keyframe = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        if (!cutter.started() && packet.dts() == TimestampRepair.NO_TIMESTAMP) {
            undatedKeyframe.keep(packet, keyframe, receivedAt);
            return;
        }
        if (undatedKeyframe.waiting()) {
            AVPacket current = av_packet_alloc();
            try {
                av_packet_move_ref(current, packet);
                undatedKeyframe.dateInto(packet, current.dts(), video.frameTicks);
                processVideo(undatedKeyframe.receivedAt());
                av_packet_unref(packet);
                av_packet_move_ref(packet, current);
            } finally {
                av_packet_free(current);
            }
        }
        processVideo(receivedAt);
    }

    /** Cuts, muxes and holds the video packet in {@link #packet}. */
    private void processVideo(Instant receivedAt) throws StreamError {
        TimestampRepair.Stamp stamp = video.repair.repair(packet.pts(), packet.dts());
        packet.pts(stamp.pts());
        packet.dts(stamp.dts());
        long dtsMicros = video.micros(stamp.dts());
        segmentClock.observe(dtsMicros, receivedAt);
        boolean keyframe = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        switch (cutter.onVideoPacket(dtsMicros, keyframe)) {
            case SKIP -> {
                return;
            }
            case START -> {
                // The session's timeline starts at 0 on its first keyframe.
                originMicros = dtsMicros;
                statusBoard.recording(cameraId);
            }
            case CUT -> {
                long startMicros = lastSegmentStartMicros;
                releaseHeld(video, stamp.dts());
                // The held audio packet waits for the next fragment: its exact duration is not known yet,
                // and a guessed one would make the muxer shift the next fragment's audio.
                emit(startMicros, dtsMicros - startMicros, previousKeyframeStart);
            }
            case APPEND -> releaseHeld(video, stamp.dts());
        }
        lastSegmentStartMicros = cutter.segmentStartMicros();
        previousKeyframeStart = cutter.segmentStartsWithKeyframe();
        hold(video);
        framesInSegment++;
    }

    private long originMicros;
    private int framesInSegment;
    private long lastSegmentStartMicros;
    private boolean previousKeyframeStart;

    private void onAudio() throws StreamError {
        if (!cutter.started()) {
            return;
        }
        TimestampRepair.Stamp stamp = audio.repair.repair(packet.pts(), packet.dts());
        if (audio.micros(stamp.dts()) < originMicros) {
            return; // audio from before the session's first keyframe
        }
        packet.pts(stamp.pts());
        packet.dts(stamp.dts());
        releaseHeld(audio, stamp.dts());
        hold(audio);
    }

    private void releaseHeld(RecordedTrack track, long nextDts) throws StreamError {
        track.releaseHeld(nextDts, originMicros, muxer);
    }

    private void hold(RecordedTrack track) {
        track.hold(packet);
    }

    private void emit(long startMicros, long durationMicros, boolean keyframeStart) throws StreamError {
        byte[] fragment = muxer.cutFragment();
        if (output.needsInit()) {
            output.init(muxer.initSegment());
        }
        output.segment(fragment, startMicros, durationMicros, keyframeStart, framesInSegment);
        framesInSegment = 0;
    }

    /** Muxes what is held and stores the segment in progress. */
    private void finish() throws StreamError {
        if (!cutter.started() || !video.holding) {
            return;
        }
        long lastDts = video.held.dts();
        long endMicros = video.micros(lastDts + Math.max(1, video.lastDurationTicks));
        releaseHeld(video, TimestampRepair.NO_TIMESTAMP);
        if (audio != null) {
            releaseHeld(audio, TimestampRepair.NO_TIMESTAMP);
        }
        emit(lastSegmentStartMicros, endMicros - lastSegmentStartMicros, previousKeyframeStart);
    }

    @Override
    public void close() {
        av_packet_free(packet);
        undatedKeyframe.close();
        av_packet_free(video.held);
        if (audio != null) {
            av_packet_free(audio.held);
        }
    }
}
