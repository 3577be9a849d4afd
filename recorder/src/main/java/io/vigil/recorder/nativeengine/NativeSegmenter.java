package io.vigil.recorder.nativeengine;

import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.Sample;
import io.vigil.media.fmp4.VideoCodec;
import io.vigil.media.fmp4.VideoTrack;
import io.vigil.media.rtp.AacDepacketizer;
import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import io.vigil.recorder.SegmentCutter;
import java.nio.ByteBuffer;
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

        /**
         * A part of the segment being written, as soon as it is (before the segment it belongs to):
         * {@code segmentStartMicros} is that segment's start on the stream timeline, {@code independent} whether the
         * part starts with a keyframe, {@code endsWithNewestFrame} whether its last frame is the access unit just
         * taken (closed at once) rather than the one before it.
         */
        default void part(
                byte[] bytes,
                long segmentStartMicros,
                long durationMicros,
                boolean independent,
                boolean endsWithNewestFrame) {}
    }

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
    /** The duration the pending unit was written with when it closed its part at once; 0 while it waits. */
    private long pendingWrittenTicks;

    private long originTimestamp;
    private long originMicros;

    private final PartBuilder part = new PartBuilder();

    private final SegmentBuilder segment = new SegmentBuilder();

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
        long frameTicks = 0;
        if (pending != null) {
            frameTicks = Math.max(1, timestamp - pendingTimestamp);
            if (pendingWrittenTicks == 0) {
                addVideo(pending, pendingTimestamp, frameTicks);
            }
            pending = null;
            pendingWrittenTicks = 0;
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
                // a part never grows past its target (should a frame come later than the last measured duration)
                if (part.videoTicks() + frameTicks > partTargetTicks) {
                    flushPart(false);
                }
            }
        }
        pending = unit;
        pendingTimestamp = timestamp;
        segment.frameAdded();
        closePartAtItsLastFrame();
        return micros;
    }

    /**
     * A part whose next frame would overrun its target closes with the frame just taken, given the last measured frame
     * duration, instead of one frame later when the next frame gives the exact one: live players get it a frame
     * sooner. The next part's decode time is the next frame's own, so a frame that came late or early moves nothing
     * after it; only that one sample's duration is the estimate.
     */
    private void closePartAtItsLastFrame() {
        long expectedTicks = frames.lastDurationTicks();
        if (part.videoTicks() + 2 * expectedTicks > partTargetTicks) {
            addVideo(pending, pendingTimestamp, expectedTicks);
            pendingWrittenTicks = expectedTicks;
            flushPart(true);
        }
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
        part.audio(Sample.audio(frame, AacDepacketizer.SAMPLES_PER_FRAME), audio.ticks(micros));
    }

    /** Ends the session: the held access unit gets the last measured duration, and the segment in progress is cut. */
    void finish() {
        if (pending == null) {
            return;
        }
        long durationTicks = pendingWrittenTicks > 0 ? pendingWrittenTicks : frames.lastDurationTicks();
        if (pendingWrittenTicks == 0) {
            addVideo(pending, pendingTimestamp, durationTicks);
        }
        pending = null;
        pendingWrittenTicks = 0;
        endSegment(micros(pendingTimestamp + durationTicks));
    }

    private VideoTrack videoTrack() {
        return codec == VideoCodec.H265 ? VideoTrack.h265(parameterSets) : VideoTrack.h264(parameterSets);
    }

    private void addVideo(AccessUnit unit, long timestamp, long durationTicks) {
        part.video(Sample.video(unit, durationTicks, 0, codec), timestamp - originTimestamp, durationTicks);
    }

    private void beginSegment(long micros, boolean keyframeStart) {
        segment.begin(micros, keyframeStart);
    }

    private void endSegment(long endMicros) {
        flushPart(false);
        if (segment.recordable(endMicros)) {
            long startMicros = segment.startMicros();
            sink.segment(
                    segment.take(), startMicros, endMicros - startMicros, segment.keyframeStart(), segment.frames());
        }
        segment.clear();
    }

    private void flushPart(boolean endsWithNewestFrame) {
        part.finish().ifPresent(done -> {
            segment.add(done.bytes());
            sink.part(
                    done.bytes(),
                    segment.startMicros(),
                    done.videoTicks() * 1_000_000 / VIDEO_CLOCK_HZ,
                    done.independent(),
                    endsWithNewestFrame);
        });
    }

    /** The stream reorders frames (B-frames), which the native engine does not record. */
    static final class ReorderedFrames extends Exception {
        private static final long serialVersionUID = 1L;

        ReorderedFrames() {
            super("the stream reorders frames (B-frames), which only the FFmpeg engine records");
        }
    }
}
