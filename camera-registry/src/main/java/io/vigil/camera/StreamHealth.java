package io.vigil.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Mutable health of one recorded stream, as {@link CameraStatusBoard} keeps it; guarded by its own lock. */
final class StreamHealth {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final io.vigil.archive.SpoolBacklog backlog;

    StreamHealth(Clock clock, io.vigil.archive.SpoolBacklog backlog) {
        this.clock = clock;
        this.backlog = backlog;
        this.since = clock.instant();
    }

    /** One finished segment, for the bitrate and frame rate of the last minute. */
    private record Finished(Instant at, long bytes, int frames, int durationMillis) {}

    CameraStatus.State state = CameraStatus.State.CONNECTING;
    Instant since;
    Instant lastSegmentAt;
    String lastError;
    Instant lastErrorAt;
    String sessionId;
    Instant sessionStart;
    long sessions;
    String codec;
    String resolution;
    String tlsFingerprint;
    Camera.Engine engine;
    String engineReason;
    Long damagedFrames;
    final Deque<Finished> recent = new ArrayDeque<>();

    /** The state and, if given, the latest error, together (a reader never sees the one without the other). */
    synchronized void report(CameraStatus.State newState, String message) {
        if (newState != state) {
            state = newState;
            since = clock.instant();
        }
        if (message != null) {
            lastError = message;
            lastErrorAt = clock.instant();
        }
    }

    /** The latest error, the state unchanged (the store's trouble while the camera records). */
    synchronized void error(String message) {
        report(state, message);
    }

    /**
     * A connection attempt begins: CONNECTING, unless the stream failed and this is a retry, which keeps the failure's
     * state and its {@code since} until the stream records or fails otherwise (a camera down for an hour is OFFLINE
     * for that hour, not OFFLINE and CONNECTING by turns).
     */
    synchronized void attempt() {
        if (state != CameraStatus.State.OFFLINE
                && state != CameraStatus.State.UNAUTHORIZED
                && state != CameraStatus.State.ERROR) {
            report(CameraStatus.State.CONNECTING, null);
        }
    }

    synchronized CameraStatus snapshot(String cameraId, boolean enabled) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(now.minus(RATE_WINDOW))) {
            recent.removeFirst();
        }
        long bytes = 0;
        long frames = 0;
        long millis = 0;
        for (Finished f : recent) {
            bytes += f.bytes();
            frames += f.frames();
            millis += f.durationMillis();
        }
        Integer kbps = millis == 0 ? null : (int) Math.round(bytes * 8.0 / millis);
        Double fps = millis == 0 ? null : Math.round(frames * 10_000.0 / millis) / 10.0;
        return new CameraStatus(
                enabled ? state : CameraStatus.State.DISABLED,
                since,
                lastSegmentAt,
                lastError,
                lastErrorAt,
                sessionId,
                sessionStart,
                Math.max(0, sessions - 1),
                codec,
                resolution,
                kbps,
                fps,
                backlog.segments(cameraId),
                tlsFingerprint,
                engine,
                engineReason,
                damagedFrames);
    }

    /** A segment was finished at {@code now}. */
    synchronized void finished(Instant now, long bytes, int frames, int durationMillis) {
        lastSegmentAt = now;
        recent.addLast(new Finished(now, bytes, frames, durationMillis));
    }
}
