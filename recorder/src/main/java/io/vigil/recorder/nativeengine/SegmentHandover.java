package io.vigil.recorder.nativeengine;

import io.vigil.recorder.SegmentOutput;
import io.vigil.recorder.SessionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where a native session's segments go: packets flow from the moment the camera answers PLAY, before the recorder
 * gave the session its {@link SegmentOutput} ({@code run}); what the segmenter finishes before then waits here (a
 * second or two of a session's start at most), then everything is handed on at once. The first init segment makes
 * the camera RECORDING; each segment also updates the camera's count of damaged frames. Thread-safe: the segmenter
 * calls it on the client's event loop, {@link #attach} comes from the recorder's thread.
 */
final class SegmentHandover implements NativeSegmenter.Sink {

    private final String cameraId;
    private final LongSupplier damagedFrames;
    private SegmentOutput output;
    private SessionContext context;
    private byte[] waitingInit;
    private final List<Runnable> waitingSegments = new ArrayList<>();
    private long segments;

    SegmentHandover(String cameraId, LongSupplier damagedFrames) {
        this.cameraId = cameraId;
        this.damagedFrames = damagedFrames;
    }

    /** The session's output, opened: what waited is handed on now, the rest as it comes. */
    synchronized void attach(SegmentOutput attached, SessionContext running) {
        output = attached;
        context = running;
        if (waitingInit != null) {
            initialised(waitingInit);
            waitingInit = null;
        }
        waitingSegments.forEach(Runnable::run);
        waitingSegments.clear();
    }

    @Override
    public synchronized void init(byte[] initSegment) {
        if (output == null) {
            waitingInit = initSegment;
        } else {
            initialised(initSegment);
        }
    }

    private void initialised(byte[] initSegment) {
        boolean first = output.needsInit();
        output.init(initSegment);
        if (first) {
            context.statusBoard().recording(cameraId);
        }
    }

    @Override
    public synchronized void segment(
            byte[] bytes, long startMicros, long durationMicros, boolean keyframeStart, int frames) {
        segments++;
        Runnable hand = () -> {
            output.segment(bytes, startMicros, durationMicros, keyframeStart, frames);
            context.statusBoard().framesDamaged(cameraId, damagedFrames.getAsLong());
        };
        if (output == null) {
            waitingSegments.add(hand);
        } else {
            hand.run();
        }
    }

    /** Segments finished so far, handed on or waiting. */
    synchronized long segments() {
        return segments;
    }
}
