package io.vigil.playback;

import io.vigil.archive.index.ListedSegment;

/**
 * One moment of a run of segments known on both of its clocks: the wall-clock start of one of its segments and
 * that segment's decode time ({@code tfdt}, the session's stream time) in the video track's timescale ({@code mdhd}).
 * A DASH manifest places the run's media on the wall clock through it, so a player's {@code presentationTimeOffset}
 * points at the very decode times in the segments' bytes.
 *
 * @param wallMillis the segment's start, epoch ms UTC
 * @param mediaTicks its decode time in {@code timescale} ticks, >= 0
 * @param timescale  ticks per second of the video track, 1..10,000,000
 */
public record MediaAnchor(long wallMillis, long mediaTicks, long timescale) {

    /** Far above any video track's (90 kHz), low enough that 29 years of milliseconds times it fit a long. */
    static final long MAX_TIMESCALE = 10_000_000;

    public MediaAnchor {
        if (wallMillis < 0) {
            throw new IllegalArgumentException("wallMillis must be >= 0, was " + wallMillis);
        }
        if (mediaTicks < 0) {
            throw new IllegalArgumentException("mediaTicks must be >= 0, was " + mediaTicks);
        }
        if (timescale <= 0 || timescale > MAX_TIMESCALE) {
            throw new IllegalArgumentException("timescale must be 1.." + MAX_TIMESCALE + ", was " + timescale);
        }
    }

    /** The media time at wall-clock {@code millis} (at or after this anchor), rounded to the nearest tick. */
    long ticksAt(long millis) {
        return mediaTicks + Math.floorDiv((millis - wallMillis) * timescale + 500, 1000);
    }

    /** Milliseconds as ticks of this timescale, rounded to the nearest. */
    long ticks(long millis) {
        return Math.floorDiv(millis * timescale + 500, 1000);
    }

    /**
     * How the I/O shell tells a manifest where each run of a stream's segments sits on its media timeline. Given the
     * run's first listed segment, it reads that segment's decode time and its init segment's timescale; for the
     * oldest run of a live window ({@code mayHaveBegunEarlier}), whose first segments may have left the window, it
     * should answer with the segment that began the run (the first of its recorded span), so the period it opens
     * keeps its start from one manifest update to the next.
     */
    @FunctionalInterface
    public interface Lookup {
        MediaAnchor of(String streamId, ListedSegment firstListed, boolean mayHaveBegunEarlier);
    }
}
