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

    synchronized void state(CameraStatus.State newState) {
        if (newState != state) {
            state = newState;
            since = clock.instant();
        }
    }

    synchronized void error(String message) {
        if (message != null) {
            lastError = message;
            lastErrorAt = clock.instant();
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
