package io.vigil.recorder.nativeengine;

/**
 * A session's video timestamps made fit to record, frame by frame in decode order: a timestamp a little before the
 * previous one means the stream reorders frames (B-frames), which the native engine refuses; one that jumps more than
 * 5 s ahead, or more than a second back (a camera that restarted its clock), is a jump: the frame is put one frame
 * duration after the previous one, and every later timestamp moves by as much, so stream time stays continuous and
 * {@code SegmentClock} alone decides whether wall-clock time moved. Pure.
 */
final class FrameTimeline {

    /** A 25 fps frame: the duration assumed until one was measured. */
    static final long DEFAULT_FRAME_TICKS = 3_600;

    private static final long MAX_FRAME_TICKS = 5L * 90_000;
    private static final long MAX_REORDER_TICKS = 90_000;

    private boolean started;
    private long previous;
    private long offsetTicks;
    private long lastDurationTicks = DEFAULT_FRAME_TICKS;
    private int jumps;

    /**
     * The repaired timestamp of the next frame.
     *
     * @throws NativeSegmenter.ReorderedFrames when it is less than a second before the previous frame's
     */
    long next(long timestamp) throws NativeSegmenter.ReorderedFrames {
        long repaired = timestamp - offsetTicks;
        if (started) {
            long durationTicks = repaired - previous;
            if (durationTicks < 0 && durationTicks > -MAX_REORDER_TICKS) {
                throw new NativeSegmenter.ReorderedFrames();
            }
            if (durationTicks < 0 || durationTicks > MAX_FRAME_TICKS) {
                jumps++;
                offsetTicks += durationTicks - lastDurationTicks;
                repaired = previous + lastDurationTicks;
            } else if (durationTicks > 0) {
                lastDurationTicks = durationTicks;
            }
        }
        started = true;
        previous = repaired;
        return repaired;
    }

    /** {@code timestamp} (of a sender report, say) moved as the frames around it were. */
    long repaired(long timestamp) {
        return timestamp - offsetTicks;
    }

    /** The last measured frame duration: what the session's last frame is given. */
    long lastDurationTicks() {
        return lastDurationTicks;
    }

    /** Timestamps that jumped. */
    int jumps() {
        return jumps;
    }
}
