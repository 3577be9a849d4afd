package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * What a camera's recorder is doing right now, as the camera wall shows it.
 *
 * @param state           current state
 * @param since           when it entered that state
 * @param lastSegmentAt   when the newest segment was finished, or null
 * @param lastError       the latest error, without secrets, or null
 * @param lastErrorAt     when it happened, or null
 * @param sessionId       the current or last recording session, or null
 * @param sessionStart    when that session connected, or null
 * @param reconnects      sessions after the first since the service started
 * @param codec           video (and audio) codec of the session, e.g. "h264+aac", or null
 * @param resolution      video width x height, e.g. "1920x1080", or null
 * @param bitrateKbps     measured over the last minute of segments, or null
 * @param framesPerSecond measured over the last minute of segments, or null
 * @param spoolBacklog    finished segments waiting in the spool for the object store
 */
@Serdeable
public record CameraStatus(State state, Instant since, @Nullable Instant lastSegmentAt, @Nullable String lastError,
                           @Nullable Instant lastErrorAt, @Nullable String sessionId, @Nullable Instant sessionStart,
                           long reconnects, @Nullable String codec, @Nullable String resolution,
                           @Nullable Integer bitrateKbps, @Nullable Double framesPerSecond, int spoolBacklog) {

    /** Recorder states shown on the camera wall. */
    public enum State {
        /** Opening the RTSP session. */
        CONNECTING,
        /** A segment is being recorded. */
        RECORDING,
        /** The camera does not answer, stalled or disconnected; retrying. */
        OFFLINE,
        /** The camera refused the credentials; retrying slowly. */
        UNAUTHORIZED,
        /** The camera answers but its stream cannot be recorded (e.g. unsupported codec). */
        ERROR,
        /** Recording is switched off for the camera. */
        DISABLED
    }

    public CameraStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        lastError = RtspUrl.redact(lastError);
    }
}
