package io.vigil.recorder.nativeengine;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment being gathered from its parts: where it starts on the stream timeline, whether on a keyframe, how many
 * frames it holds, and its parts' bytes, copied once, end to end, into the segment when it ends (no spare capacity
 * held). Pure.
 */
final class SegmentBuilder {

    private final List<byte[]> parts = new ArrayList<>();
    private int sizeBytes;
    private long startMicros;
    private boolean keyframeStart;
    private int frames;

    /** A new segment from {@code micros}; what was gathered before is dropped. */
    void begin(long micros, boolean startsWithKeyframe) {
        parts.clear();
        sizeBytes = 0;
        startMicros = micros;
        keyframeStart = startsWithKeyframe;
        frames = 0;
    }

    void frameAdded() {
        frames++;
    }

    void add(byte[] part) {
        parts.add(part);
        sizeBytes += part.length;
    }

    long startMicros() {
        return startMicros;
    }

    boolean keyframeStart() {
        return keyframeStart;
    }

    int frames() {
        return frames;
    }

    /** Whether it has bytes and lasts until {@code endMicros}. */
    boolean recordable(long endMicros) {
        return sizeBytes > 0 && endMicros > startMicros;
    }

    /** Its parts one after another, and nothing gathered any more. */
    byte[] take() {
        byte[] segment = new byte[sizeBytes];
        int at = 0;
        for (byte[] bytes : parts) {
            System.arraycopy(bytes, 0, segment, at, bytes.length);
            at += bytes.length;
        }
        parts.clear();
        sizeBytes = 0;
        return segment;
    }

    /** Drops what was gathered. */
    void clear() {
        parts.clear();
        sizeBytes = 0;
    }
}
