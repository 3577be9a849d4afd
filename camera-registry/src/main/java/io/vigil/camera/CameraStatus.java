package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * What a camera's recorder is doing right now.
 *
 * @param state         current state
 * @param since         when it entered that state
 * @param lastSegmentAt when the newest segment was stored, or null
 * @param lastError     the latest error, without secrets, or null
 */
@Serdeable
public record CameraStatus(State state, Instant since, @Nullable Instant lastSegmentAt, @Nullable String lastError) {

    /** Recorder states shown on the camera wall. */
    public enum State {
        /** Opening the RTSP session. */
        CONNECTING,
        /** Segments are being stored. */
        RECORDING,
        /** The camera does not answer; retrying. */
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
