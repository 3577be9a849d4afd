package io.vigil.media.fmp4;

import java.util.List;

/**
 * A fragment's samples of one track (glossary: track run), its {@code traf}: the track's ID in the init segment, the
 * decode time of its first sample in the track's ticks ({@code tfdt}), and its samples in decode order. May be empty:
 * then the fragment has no {@code traf} for the track.
 */
public record TrackRun(int trackId, long baseDecodeTimeTicks, List<Sample> samples) {

    public TrackRun {
        samples = List.copyOf(samples);
        if (trackId < 1) {
            throw new IllegalArgumentException("a track ID is positive: " + trackId);
        }
        if (baseDecodeTimeTicks < 0) {
            throw new IllegalArgumentException("a decode time is not negative: " + baseDecodeTimeTicks);
        }
    }

    /** The sum of its samples' durations. */
    public long durationTicks() {
        long ticks = 0;
        for (Sample sample : samples) {
            ticks += sample.durationTicks();
        }
        return ticks;
    }

    /** Where the track's next run starts: its base decode time plus its duration. */
    public long endDecodeTimeTicks() {
        return baseDecodeTimeTicks + durationTicks();
    }

    /** Its samples' bytes in {@code mdat}. */
    public long sizeBytes() {
        long size = 0;
        for (Sample sample : samples) {
            size += sample.sizeBytes();
        }
        return size;
    }

    /** Whether a decoder can start at it: its first sample is a sync sample (or it has none). */
    public boolean startsWithKeyframe() {
        return samples.isEmpty() || samples.get(0).keyframe();
    }
}
