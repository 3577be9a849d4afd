package io.vigil.recorder.nativeengine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.VideoCodec;
import io.vigil.media.fmp4.VideoTrack;
import io.vigil.media.rtp.AacDepacketizer;
import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import io.vigil.media.rtp.H264Depacketizer;
import io.vigil.media.rtp.H265Depacketizer;
import io.vigil.media.rtp.NalDepacketizer;
import io.vigil.media.rtp.RtpPacket;
import io.vigil.media.rtsp.client.RtspSession;
import io.vigil.media.rtsp.client.RtspTrack;
import io.vigil.media.sdp.AacParameters;
import io.vigil.media.sdp.H264Parameters;
import io.vigil.media.sdp.H265Parameters;
import io.vigil.media.sdp.MediaDescription;
import io.vigil.recorder.StreamError;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A native session's tracks: the video (H.264 or H.265) and the optional AAC audio the RTSP client set up, each with
 * its depacketizer, and what the camera's status and metrics learn from them: codecs, resolution, lost packets and
 * damaged frames. Also where audio goes on the video's timeline: at the RTP-Info times the PLAY answer gave both
 * tracks, else at its arrival. Used on the session's event loop but for the facts read once it plays.
 */
final class SessionTracks {

    private final RtspTrack videoTrack;
    private final VideoCodec codec;
    private final NalDepacketizer video;
    private final RtspTrack audioTrack;
    private final AacDepacketizer audio;
    private final Optional<AudioTrack> audioFormat;
    private final String ignoredAudioCodec;
    private final Counter lostPackets;
    private final Counter damagedFrames;
    private long lostSeen;
    private long damagedSeen;
    private volatile String resolution = "unknown";
    private OptionalLong lastVideoTimestamp = OptionalLong.empty();
    private Instant lastVideoArrival;

    private SessionTracks(RtspSession session, MeterRegistry meters, String cameraId) throws StreamError {
        List<RtspTrack> tracks = session.tracks();
        videoTrack = tracks.stream()
                .filter(t -> t.mediaType().equals("video"))
                .findFirst()
                .orElseThrow(() -> new StreamError("the stream has no video", StreamError.Kind.STREAM));
        try {
            if (videoTrack.encodingName().equalsIgnoreCase("H265")) {
                codec = VideoCodec.H265;
                video = new H265Depacketizer(
                        H265Parameters.of(videoTrack.media()), NalDepacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
            } else {
                codec = VideoCodec.H264;
                video = new H264Depacketizer(
                        H264Parameters.of(videoTrack.media()), NalDepacketizer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
            }
            videoTrack.firstSequenceNumber().ifPresent(video::expectFirstSequence);
            audioTrack = tracks.stream()
                    .filter(t -> t.mediaType().equals("audio"))
                    .findFirst()
                    .orElse(null);
            if (audioTrack != null) {
                AacParameters aac = AacParameters.of(audioTrack.media());
                audio = new AacDepacketizer(aac);
                audioTrack.firstSequenceNumber().ifPresent(audio::expectFirstSequence);
                audioFormat = Optional.of(AudioTrack.aac(aac.audioSpecificConfig()));
            } else {
                audio = null;
                audioFormat = Optional.empty();
            }
        } catch (MediaException | IllegalArgumentException e) {
            throw new StreamError(
                    "the native engine cannot read the stream's description: " + e.getMessage(),
                    StreamError.Kind.NOT_NATIVE,
                    e);
        }
        ignoredAudioCodec = session.ignoredMedia().stream()
                .filter(m -> m.mediaType().equals("audio"))
                .findFirst()
                .map(SessionTracks::codecName)
                .orElse(null);
        lostPackets = meters.counter("vigil.rtp.packets.lost", "camera", cameraId);
        damagedFrames = meters.counter("vigil.frames.damaged", "camera", cameraId);
    }

    static SessionTracks of(RtspSession session, MeterRegistry meters, String cameraId) throws StreamError {
        return new SessionTracks(session, meters, cameraId);
    }

    VideoCodec videoCodec() {
        return codec;
    }

    /** As the index and status name it: {@code h264} or {@code hevc}. */
    String videoCodecName() {
        return codec == VideoCodec.H265 ? "hevc" : "h264";
    }

    Optional<AudioTrack> audioTrack() {
        return audioFormat;
    }

    /**
     * The AAC profile as FFmpeg numbers it, the audio object type less one (1 for AAC-LC, object type 2), which the
     * codecs string ({@code mp4a.40.2}) takes; null without audio.
     */
    Integer aacProfile() {
        return audioFormat.map(t -> t.audioObjectType() - 1).orElse(null);
    }

    String ignoredAudioCodec() {
        return ignoredAudioCodec;
    }

    String resolution() {
        return resolution;
    }

    /** Reads the picture size from the first parameter sets; malformed ones leave it unknown (the writer refuses). */
    void learnResolution(List<ByteBuffer> parameterSets) {
        try {
            VideoTrack track =
                    codec == VideoCodec.H265 ? VideoTrack.h265(parameterSets) : VideoTrack.h264(parameterSets);
            resolution = track.widthPixels() + "x" + track.heightPixels();
        } catch (MediaException | IllegalArgumentException e) {
            resolution = "unknown";
        }
    }

    /** Depacketizes one packet of {@code track}; counts what was lost or damaged meanwhile. */
    void push(RtspTrack track, RtpPacket packet, Consumer<AccessUnit> units, Consumer<AudioFrame> frames) {
        if (track.index() == videoTrack.index()) {
            video.push(packet, units);
        } else if (audioTrack != null && track.index() == audioTrack.index()) {
            audio.push(packet, frames);
        }
        long lost = video.lostPackets() + (audio == null ? 0 : audio.lostPackets());
        long damaged = video.damagedAccessUnits() + (audio == null ? 0 : audio.damagedFrames());
        if (lost != lostSeen) {
            lostPackets.increment((double) (lost - lostSeen));
            lostSeen = lost;
        }
        if (damaged != damagedSeen) {
            damagedFrames.increment((double) (damaged - damagedSeen));
            damagedSeen = damaged;
        }
    }

    long lostPackets() {
        return lostSeen;
    }

    long damagedFrames() {
        return damagedSeen;
    }

    boolean isVideo(RtspTrack track) {
        return track.index() == videoTrack.index();
    }

    void videoArrived(long timestamp, Instant receivedAt) {
        lastVideoTimestamp = OptionalLong.of(timestamp);
        lastVideoArrival = receivedAt;
    }

    OptionalLong lastVideoTimestamp() {
        return lastVideoTimestamp;
    }

    /**
     * Where the first audio frame goes on the stream timeline: by RTP-Info when the PLAY answer gave it for both tracks
     * (both RTP times name the same instant), else by its arrival after the latest video frame's; empty until a video
     * frame came.
     */
    Optional<Long> audioAnchor(AudioFrame frame, Instant receivedAt, NativeSegmenter segmenter) {
        if (lastVideoTimestamp.isEmpty() || audioTrack == null) {
            return Optional.empty();
        }
        long lastVideo = lastVideoTimestamp.getAsLong();
        if (videoTrack.firstRtpTime().isPresent() && audioTrack.firstRtpTime().isPresent()) {
            long videoStart = TrackTimeline.extendNear(videoTrack.firstRtpTime().getAsLong(), lastVideo);
            long audioStart = TrackTimeline.extendNear(audioTrack.firstRtpTime().getAsLong(), frame.rtpTimestamp());
            long afterStartMicros =
                    Math.floorDiv((frame.rtpTimestamp() - audioStart) * 1_000_000L, audioTrack.clockRateHz());
            return Optional.of(segmenter.streamMicros(videoStart) + afterStartMicros);
        }
        long sinceVideoMicros = Duration.between(lastVideoArrival, receivedAt).toNanos() / 1000;
        return Optional.of(segmenter.streamMicros(lastVideo) + sinceVideoMicros);
    }

    private static String codecName(MediaDescription media) {
        return media.encodingName().map(n -> n.toLowerCase(Locale.ROOT)).orElse("unknown");
    }
}
