package io.vigil.recorder.nativeengine;

import io.vigil.media.fmp4.Fragment;
import io.vigil.media.fmp4.Sample;
import io.vigil.media.fmp4.TrackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part (glossary) being gathered: its video samples from a decode time, its audio samples from theirs, written as
 * one fMP4 fragment when done; fragments are numbered from 1 for the session. A unit of parameter sets alone is no
 * sample: its time goes to the picture before it. Pure.
 */
final class PartBuilder {

    static final int VIDEO_TRACK_ID = 1;
    static final int AUDIO_TRACK_ID = 2;

    private final List<Sample> video = new ArrayList<>();
    private long videoBaseTicks;
    private long videoTicks;
    private final List<Sample> audio = new ArrayList<>();
    private long audioBaseTicks;
    private long sequenceNumber;

    /** Adds a video sample (or, when empty, its duration) decoded at {@code decodeTicks}. */
    void video(Optional<Sample> sample, long decodeTicks, long durationTicks) {
        if (video.isEmpty()) {
            videoBaseTicks = decodeTicks;
            videoTicks = 0;
        }
        if (sample.isPresent()) {
            video.add(sample.get());
        } else if (!video.isEmpty()) {
            Sample last = video.remove(video.size() - 1);
            video.add(new Sample(
                    last.data(),
                    last.framing(),
                    last.durationTicks() + durationTicks,
                    last.keyframe(),
                    last.compositionOffsetTicks()));
        } else {
            videoBaseTicks += durationTicks;
            return;
        }
        videoTicks += durationTicks;
    }

    /** Adds an audio sample decoded at {@code decodeTicks} (the first of the part sets the part's audio time). */
    void audio(Sample sample, long decodeTicks) {
        if (audio.isEmpty()) {
            audioBaseTicks = decodeTicks;
        }
        audio.add(sample);
    }

    /** The video gathered so far, in 90 kHz ticks. */
    long videoTicks() {
        return videoTicks;
    }

    /**
     * A finished part: its fragment's bytes, its video's duration in 90 kHz ticks, whether its first video sample is a
     * keyframe.
     */
    record Part(byte[] bytes, long videoTicks, boolean independent) {}

    /** The part as a fragment, and a new part begun; empty when nothing was gathered. */
    Optional<Part> finish() {
        if (video.isEmpty() && audio.isEmpty()) {
            return Optional.empty();
        }
        List<TrackRun> runs = new ArrayList<>(2);
        if (!video.isEmpty()) {
            runs.add(new TrackRun(VIDEO_TRACK_ID, videoBaseTicks, video));
        }
        if (!audio.isEmpty()) {
            runs.add(new TrackRun(AUDIO_TRACK_ID, audioBaseTicks, audio));
        }
        byte[] bytes = new Fragment(++sequenceNumber, runs).bytes();
        Part part = new Part(bytes, videoTicks, !video.isEmpty() && video.get(0).keyframe());
        video.clear();
        audio.clear();
        videoTicks = 0;
        return Optional.of(part);
    }
}
