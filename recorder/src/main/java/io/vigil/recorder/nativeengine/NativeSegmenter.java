package io.vigil.recorder.nativeengine;

import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.Fragment;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.Sample;
import io.vigil.media.fmp4.TrackRun;
import io.vigil.media.fmp4.VideoCodec;
import io.vigil.media.fmp4.VideoTrack;
import io.vigil.media.rtp.AacDepacketizer;
import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import io.vigil.recorder.SegmentCutter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one session's access units and audio frames into media segments made of parts (glossary): each access unit
 * is held until the next one gives its duration, cut into segments by {@link SegmentCutter} on the video's stream
 * time, and written as fMP4 fragments of about {@code partTargetMillis}; a segment is the concatenation of its parts.
 * The session's first keyframe with parameter sets starts the first segment (and is decode time 0); a keyframe with
 * other parameter sets ends the segment and makes a new init segment. Audio frames follow on the same timeline, each
 * part's audio starting at its first frame's own time. Pure: bytes in, segments out to a {@link Sink}.
 */
final class NativeSegmenter {

    /** Where segments go. */
    interface Sink {
        /** The init segment for the segments that follow. */
        void init(byte[] initSegment);

        /** One segment of {@code durationMicros} from {@code startMicros} on the stream timeline. */
        void segment(byte[] bytes, long startMicros, long durationMicros, boolean keyframeStart, int frames);
    }

    static final int VIDEO_TRACK_ID = 1;
    static final int AUDIO_TRACK_ID = 2;
    private static final int VIDEO_CLOCK_HZ = 90_000;

    private final VideoCodec codec;
    private final Optional<AudioTrack> audioTrack;
    private final long segmentTargetMillis;
    private final long partTargetTicks;
    private final Sink sink;
    private final TrackTimeline video = new TrackTimeline(VIDEO_CLOCK_HZ);
    private final TrackTimeline audio;

    private SegmentCutter cutter;
    private List<ByteBuffer> parameterSets = List.of();
    private final FrameTimeline frames = new FrameTimeline();
    private AccessUnit pending;
    private long pendingTimestamp;
    private long originTimestamp;
    private long originMicros;

    private final List<Sample> videoSamples = new ArrayList<>();
    private long partVideoBaseTicks;
    private long partVideoTicks;
    private final List<Sample> audioSamples = new ArrayList<>();
    private long partAudioBaseTicks;
    private long sequenceNumber;

    private ByteArrayOutputStream segmentBytes = new ByteArrayOutputStream(256 * 1024);
    private long segmentStartMicros;
    private boolean segmentKeyframeStart;
    private int framesInSegment;

    NativeSegmenter(
            VideoCodec codec,
            Optional<AudioTrack> audioTrack,
            long segmentTargetMillis,
            long partTargetMillis,
            Sink sink) {
        if (partTargetMillis <= 0 || partTargetMillis > segmentTargetMillis) {
            throw new IllegalArgumentException(
                    "a part lasts 1 ms to a segment's target: " + partTargetMillis + " of " + segmentTargetMillis);
        }
        this.codec = codec;
        this.audioTrack = audioTrack;
        this.segmentTargetMillis = segmentTargetMillis;
        this.partTargetTicks = partTargetMillis * VIDEO_CLOCK_HZ / 1000;
        this.sink = sink;
        this.audio = audioTrack.map(a -> new TrackTimeline(a.sampleRateHertz())).orElse(null);
        this.cutter = new SegmentCutter(segmentTargetMillis);
    }

    /**
     * The stream time of a video timestamp (extended, as the camera sent it, e.g. of a sender report): the first access
     * unit is stream time 0, and timestamps that jumped are moved as their frames were.
     */
    long streamMicros(long timestamp) {
        return micros(frames.repaired(timestamp));
    }

    private long micros(long repaired) {
        if (!video.anchored()) {
            video.anchor(repaired, 0);
        }
        return video.micros(repaired);
    }

    /** Timestamps that jumped (more than 5 s ahead, or back): their frame got the previous frame's duration. */
    int timestampJumps() {
        return frames.jumps();
    }

    /** Whether the first segment has started. */
    boolean started() {
        return cutter.started();
    }

    /**
     * Takes the next access unit, in decode order; returns its stream time.
     *
     * @throws ReorderedFrames when its timestamp is a little before the previous one's (B-frames)
     */
    long video(AccessUnit unit) throws ReorderedFrames {
        long timestamp = frames.next(unit.rtpTimestamp());
        long micros = micros(timestamp);
        if (pending != null) {
            addVideo(pending, pendingTimestamp, Math.max(1, timestamp - pendingTimestamp));
            pending = null;
        }
        boolean keyframe = unit.keyframe() && !unit.parameterSets().isEmpty();
        if (keyframe && cutter.started() && !unit.parameterSets().equals(parameterSets)) {
            endSegment(micros);
            cutter = new SegmentCutter(segmentTargetMillis);
        }
        switch (cutter.onVideoPacket(micros, keyframe)) {
            case SKIP -> {
                return micros;
            }
            case START -> {
                if (parameterSets.isEmpty()) {
                    originTimestamp = timestamp;
                    originMicros = micros;
                }
                parameterSets = unit.parameterSets();
                sink.init(InitSegment.of(videoTrack(), audioTrack));
                beginSegment(micros, true);
            }
            case CUT -> {
                endSegment(micros);
                beginSegment(micros, cutter.segmentStartsWithKeyframe());
            }
            case APPEND -> {
                if (partVideoTicks >= partTargetTicks) {
                    flushPart();
                }
            }
        }
        pending = unit;
        pendingTimestamp = timestamp;
        framesInSegment++;
        return micros;
    }

    /** Puts the audio track's extended timestamp {@code timestamp} at {@code streamMicros} (RTP-Info or arrival). */
    void anchorAudio(long timestamp, long streamMicros) {
        if (audio != null) {
            audio.anchor(timestamp, streamMicros);
        }
    }

    boolean audioAnchored() {
        return audio != null && audio.anchored();
    }

    /** Takes the next audio frame; dropped before the first segment, before the session's origin, or unanchored. */
    void audio(AudioFrame frame) {
        if (audio == null || !audio.anchored() || !cutter.started()) {
            return;
        }
        long micros = audio.micros(frame.rtpTimestamp()) - originMicros;
        if (micros < 0) {
            return;
        }
        if (audioSamples.isEmpty()) {
            partAudioBaseTicks = audio.ticks(micros);
        }
        audioSamples.add(Sample.audio(frame, AacDepacketizer.SAMPLES_PER_FRAME));
    }

    /** Ends the session: the held access unit gets the last measured duration, and the segment in progress is cut. */
    void finish() {
        if (pending == null) {
            return;
        }
        long endMicros = micros(pendingTimestamp + frames.lastDurationTicks());
        addVideo(pending, pendingTimestamp, frames.lastDurationTicks());
        pending = null;
        endSegment(endMicros);
    }

    private VideoTrack videoTrack() {
        return codec == VideoCodec.H265 ? VideoTrack.h265(parameterSets) : VideoTrack.h264(parameterSets);
    }

    private void addVideo(AccessUnit unit, long timestamp, long durationTicks) {
        if (videoSamples.isEmpty()) {
            partVideoBaseTicks = timestamp - originTimestamp;
            partVideoTicks = 0;
        }
        Optional<Sample> sample = Sample.video(unit, durationTicks, 0, codec);
        if (sample.isPresent()) {
            videoSamples.add(sample.get());
        } else if (!videoSamples.isEmpty()) {
            // parameter sets alone: their time belongs to the picture before
            Sample last = videoSamples.remove(videoSamples.size() - 1);
            videoSamples.add(new Sample(
                    last.data(),
                    last.framing(),
                    last.durationTicks() + durationTicks,
                    last.keyframe(),
                    last.compositionOffsetTicks()));
        } else {
            partVideoBaseTicks += durationTicks;
            return;
        }
        partVideoTicks += durationTicks;
    }

    private void beginSegment(long micros, boolean keyframeStart) {
        segmentStartMicros = micros;
        segmentKeyframeStart = keyframeStart;
        framesInSegment = 0;
    }

    private void endSegment(long endMicros) {
        flushPart();
        if (segmentBytes.size() > 0 && endMicros > segmentStartMicros) {
            sink.segment(
                    segmentBytes.toByteArray(),
                    segmentStartMicros,
                    endMicros - segmentStartMicros,
                    segmentKeyframeStart,
                    framesInSegment);
        }
        segmentBytes = new ByteArrayOutputStream(Math.max(64 * 1024, segmentBytes.size() + segmentBytes.size() / 4));
    }

    private void flushPart() {
        if (videoSamples.isEmpty() && audioSamples.isEmpty()) {
            return;
        }
        List<TrackRun> runs = new ArrayList<>(2);
        if (!videoSamples.isEmpty()) {
            runs.add(new TrackRun(VIDEO_TRACK_ID, partVideoBaseTicks, videoSamples));
        }
        if (!audioSamples.isEmpty()) {
            runs.add(new TrackRun(AUDIO_TRACK_ID, partAudioBaseTicks, audioSamples));
        }
        byte[] part = new Fragment(++sequenceNumber, runs).bytes();
        segmentBytes.write(part, 0, part.length);
        videoSamples.clear();
        audioSamples.clear();
        partVideoTicks = 0;
    }

    /** The stream reorders frames (B-frames), which the native engine does not record. */
    static final class ReorderedFrames extends Exception {
        private static final long serialVersionUID = 1L;

        ReorderedFrames() {
            super("the stream reorders frames (B-frames), which only the FFmpeg engine records");
        }
    }
}
