package io.vigil.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A camera's live edge at one moment, immutable: what one playlist lists.
 *
 * @param cameraId              the camera
 * @param partTargetMicros      the longest a part may last (LL-HLS {@code PART-TARGET})
 * @param discontinuitySequence discontinuities in segments that left the edge
 * @param nextSequence          the live sequence number the next segment will get
 * @param segments              oldest first; every one but the last is complete
 * @param inits                 the init segments the segments need, by number
 */
public record EdgeSnapshot(
        String cameraId,
        long partTargetMicros,
        long discontinuitySequence,
        long nextSequence,
        List<LiveSegment> segments,
        Map<Integer, byte[]> inits) {

    public EdgeSnapshot {
        segments = List.copyOf(segments);
        inits = Map.copyOf(inits);
    }

    /** No segment yet. */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The newest segment's live sequence number (the one before the next when there is none). */
    public long lastSequence() {
        return nextSequence - 1;
    }

    /** The segment with live sequence number {@code sequence}, if still on the edge. */
    public Optional<LiveSegment> segment(long sequence) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        long index = sequence - segments.get(0).sequence();
        return index < 0 || index >= segments.size() ? Optional.empty() : Optional.of(segments.get((int) index));
    }

    /** Where the next part will be: in the newest segment while it is open, else first of the one after. */
    public PartPosition nextPart() {
        if (segments.isEmpty()) {
            return new PartPosition(nextSequence, 0);
        }
        LiveSegment last = segments.get(segments.size() - 1);
        return last.complete()
                ? new PartPosition(last.sequence() + 1, 0)
                : new PartPosition(last.sequence(), last.parts().size());
    }

    /** A part's place: live sequence number of its segment, index within it. */
    public record PartPosition(long sequence, int part) {}
}
