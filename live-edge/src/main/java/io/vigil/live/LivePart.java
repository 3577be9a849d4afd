package io.vigil.live;

import java.nio.ByteBuffer;

/**
 * One part (glossary) of a live segment: an fMP4 fragment, {@code length} bytes of {@code bytes} from {@code offset}
 * (a part array of its own while its segment is being written, a slice of the whole segment's array after).
 *
 * @param durationMicros its video's duration
 * @param independent    it starts with a keyframe (LL-HLS {@code INDEPENDENT=YES})
 * @param arrivalNanos   {@link System#nanoTime()} when the last packet of its last frame arrived
 */
public record LivePart(
        byte[] bytes, int offset, int length, long durationMicros, boolean independent, long arrivalNanos) {

    public LivePart {
        if (offset < 0 || length <= 0 || offset > bytes.length - length) {
            throw new IllegalArgumentException(
                    "a part is 1 byte or more inside its array: " + offset + "+" + length + " of " + bytes.length);
        }
        if (durationMicros < 0) {
            throw new IllegalArgumentException("a part lasts 0 µs or more: " + durationMicros);
        }
    }

    /** Its bytes, read-only, without a copy. */
    public ByteBuffer content() {
        return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
    }

    /** The same part, as the slice at {@code at} of {@code segment} (its whole segment's bytes). */
    LivePart within(byte[] segment, int at) {
        return new LivePart(segment, at, length, durationMicros, independent, arrivalNanos);
    }
}
