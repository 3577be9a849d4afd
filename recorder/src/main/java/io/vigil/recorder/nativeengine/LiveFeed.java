package io.vigil.recorder.nativeengine;

import io.vigil.live.LiveEdge;
import io.vigil.recorder.SegmentClock;
import java.time.Clock;
import java.time.Instant;

/**
 * A native session's segmenter output: segments go to the archive through the {@link SegmentHandover} as always, and
 * every part, the moment it is written, to the camera's {@link LiveEdge}, dated by the session's
 * {@link SegmentClock} (an estimate that does not anchor it). On the client's event loop, like the segmenter.
 */
final class LiveFeed implements NativeSegmenter.Sink {

    private final SegmentHandover archive;
    private final LiveEdge edge;
    private final SegmentClock segmentClock;
    private final Clock clock;
    private final long partTargetMicros;
    private long previousArrivalNanos;
    private long arrivalNanos;

    LiveFeed(SegmentHandover archive, LiveEdge edge, SegmentClock segmentClock, Clock clock, long partTargetMillis) {
        this.archive = archive;
        this.edge = edge;
        this.segmentClock = segmentClock;
        this.clock = clock;
        this.partTargetMicros = partTargetMillis * 1000;
    }

    /**
     * An access unit arrived (before the segmenter takes it): a part finished now ends with it, or with the unit
     * before it.
     */
    void arrived(long nanos) {
        previousArrivalNanos = arrivalNanos == 0 ? nanos : arrivalNanos;
        arrivalNanos = nanos;
    }

    @Override
    public void init(byte[] initSegment) {
        archive.init(initSegment);
        edge.init(initSegment, partTargetMicros);
    }

    @Override
    public void part(
            byte[] bytes,
            long segmentStartMicros,
            long durationMicros,
            boolean independent,
            boolean endsWithNewestFrame) {
        Instant start = segmentClock.estimate(segmentStartMicros);
        edge.part(
                bytes,
                start == null ? clock.instant() : start,
                durationMicros,
                independent,
                endsWithNewestFrame ? arrivalNanos : previousArrivalNanos);
    }

    @Override
    public void segment(byte[] bytes, long startMicros, long durationMicros, boolean keyframeStart, int frames) {
        archive.segment(bytes, startMicros, durationMicros, keyframeStart, frames);
        edge.segmentEnded(bytes);
    }

    /** The session ended. */
    void ended() {
        edge.sessionEnded();
    }
}
