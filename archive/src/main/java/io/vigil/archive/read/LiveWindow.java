package io.vigil.archive.read;

import io.vigil.archive.index.ListedSegment;
import java.util.List;
import java.util.Objects;

/**
 * What a live playlist lists: the newest segments after the last jump in sequence numbers (a crash take-over
 * numbers above what the dead node may still upload, so a window spanning the jump would renumber its segments
 * between reloads), and the HLS discontinuity sequence of its first segment.
 *
 * @param discontinuitySequence recording sessions before the first listed segment's, 0 when nothing is listed
 */
public record LiveWindow(Listing listing, long discontinuitySequence) {

    public LiveWindow {
        Objects.requireNonNull(listing, "listing");
        if (discontinuitySequence < 0) {
            throw new IllegalArgumentException("discontinuitySequence must be >= 0, was " + discontinuitySequence);
        }
    }

    /** The segments (oldest first) after the last place where a sequence number was skipped. */
    static List<ListedSegment> afterLastJump(List<ListedSegment> newest) {
        for (int i = newest.size() - 1; i > 0; i--) {
            if (newest.get(i).sequence() != newest.get(i - 1).sequence() + 1) {
                return newest.subList(i, newest.size());
            }
        }
        return newest;
    }
}
