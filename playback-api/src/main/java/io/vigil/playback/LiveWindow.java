package io.vigil.playback;

import io.vigil.archive.index.Segment;

import java.util.List;

/**
 * The live playlist's window never spans a jump in sequence numbers. HLS numbers a playlist's segments from
 * {@code EXT-X-MEDIA-SEQUENCE} by position, and a segment must keep its number from one reload to the next; a
 * window holding 100, 101 and then 165 would give 165 the number 102 now and 165 later. Jumps are rare: after a
 * node crashed and another took its cameras over (it numbers above the dead node's reservation), or a segment
 * dropped from a full spool. The window then starts at the jump and grows back to its length.
 */
final class LiveWindow {

    private LiveWindow() {
    }

    /** The segments (oldest first) after the last place where a sequence number was skipped. */
    static List<Segment> afterLastJump(List<Segment> newest) {
        for (int i = newest.size() - 1; i > 0; i--) {
            if (newest.get(i).sequence() != newest.get(i - 1).sequence() + 1) {
                return newest.subList(i, newest.size());
            }
        }
        return newest;
    }
}
