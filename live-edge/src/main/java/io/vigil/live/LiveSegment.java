package io.vigil.live;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * A segment of a camera's live edge: its parts so far and, once {@code complete}, the whole segment.
 *
 * @param sequence       its live sequence number (glossary), not the archive's
 * @param start          the capture time of its first frame (its program date time)
 * @param initNumber     the init segment it needs ({@code live/init/{n}.mp4})
 * @param discontinuity  it does not follow the segment before it (new session or init segment)
 * @param parts          its parts, in order
 * @param durationMicros the sum of its parts' durations
 * @param complete       no part will be added
 */
public record LiveSegment(
        long sequence,
        Instant start,
        int initNumber,
        boolean discontinuity,
        List<LivePart> parts,
        long durationMicros,
        boolean complete) {

    public LiveSegment {
        parts = List.copyOf(parts);
        if (complete && parts.isEmpty()) {
            throw new IllegalArgumentException("a complete live segment has parts");
        }
    }

    /** The whole segment's bytes (its parts one after another), read-only; only once complete. */
    public ByteBuffer content() {
        if (!complete) {
            throw new IllegalStateException("live segment " + sequence + " is not complete");
        }
        LivePart first = parts.get(0);
        LivePart last = parts.get(parts.size() - 1);
        if (first.bytes() == last.bytes()) {
            return ByteBuffer.wrap(first.bytes(), first.offset(), last.offset() + last.length() - first.offset())
                    .slice()
                    .asReadOnlyBuffer();
        }
        ByteBuffer joined =
                ByteBuffer.allocate(parts.stream().mapToInt(LivePart::length).sum());
        for (LivePart p : parts) {
            joined.put(p.content());
        }
        return joined.flip().asReadOnlyBuffer();
    }

    /** Whether part {@code part} exists. */
    public boolean hasPart(int part) {
        return part >= 0 && part < parts.size();
    }

    LiveSegment withPart(LivePart part) {
        return new LiveSegment(
                sequence,
                start,
                initNumber,
                discontinuity,
                append(parts, part),
                durationMicros + part.durationMicros(),
                false);
    }

    LiveSegment completed(List<LivePart> finalParts) {
        return new LiveSegment(sequence, start, initNumber, discontinuity, finalParts, durationMicros, true);
    }

    private static List<LivePart> append(List<LivePart> parts, LivePart part) {
        LivePart[] all = parts.toArray(new LivePart[parts.size() + 1]);
        all[parts.size()] = part;
        return List.of(all);
    }
}
