package io.vigil.camera;

import io.micronaut.core.annotation.Creator;
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
 * @param tlsFingerprint  SHA-256 fingerprint of the certificate an {@code rtsps://} camera presented at the last
 *                        connection, trusted or not (trust on first use: an installer compares it with the camera's
 *                        own and pins it), or null
 * @param engine          the engine recording the camera now, or null when no session is connected
 * @param engineReason    why the engine chosen for the camera is not the one it is set to (engine fallback), e.g.
 *                        "UDP transport: the native engine reads RTSP over TCP only", or null when it is
 * @param damagedFrames   frames the current session dropped because RTP packets were lost (the native engine never
 *                        stores a damaged frame), or null when the engine does not count them
 */
@Serdeable
public record CameraStatus(
        State state,
        Instant since,
        @Nullable Instant lastSegmentAt,
        @Nullable String lastError,
        @Nullable Instant lastErrorAt,
        @Nullable String sessionId,
        @Nullable Instant sessionStart,
        long reconnects,
        @Nullable String codec,
        @Nullable String resolution,
        @Nullable Integer bitrateKbps,
        @Nullable Double framesPerSecond,
        int spoolBacklog,
        @Nullable String tlsFingerprint,
        @Nullable Camera.Engine engine,
        @Nullable String engineReason,
        @Nullable Long damagedFrames) {

    /** Recorder states shown on the camera wall. */
    public enum State {
        /** Opening the RTSP session: at first, or after a session ended; a retry after a failure keeps its state. */
        CONNECTING,
        /** A segment is being recorded. */
        RECORDING,
        /** The camera does not answer, stalled or disconnected; retrying. */
        OFFLINE,
        /** The camera refused the credentials; retrying slowly. */
        UNAUTHORIZED,
        /**
         * The camera answers but cannot be recorded as configured (e.g. unsupported codec), or is not connected to at
         * all: its TLS certificate is not trusted, or its address is in a denied camera network.
         */
        ERROR,
        /** Recording is switched off for the camera. */
        DISABLED
    }

    @Creator
    public CameraStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        lastError = RtspUrl.redact(lastError);
    }

    /** A status without a certificate seen nor an engine. */
    public CameraStatus(
            State state,
            Instant since,
            Instant lastSegmentAt,
            String lastError,
            Instant lastErrorAt,
            String sessionId,
            Instant sessionStart,
            long reconnects,
            String codec,
            String resolution,
            Integer bitrateKbps,
            Double framesPerSecond,
            int spoolBacklog) {
        this(
                state,
                since,
                lastSegmentAt,
                lastError,
                lastErrorAt,
                sessionId,
                sessionStart,
                reconnects,
                codec,
                resolution,
                bitrateKbps,
                framesPerSecond,
                spoolBacklog,
                null,
                null,
                null,
                null);
    }

    /** The same status in another state (e.g. DISABLED). */
    public CameraStatus withState(State newState) {
        return copy(newState, lastError);
    }

    /** The same status with another latest error (e.g. shortened). */
    public CameraStatus withLastError(String newLastError) {
        return copy(state, newLastError);
    }

    private CameraStatus copy(State newState, String newLastError) {
        return new CameraStatus(
                newState,
                since,
                lastSegmentAt,
                newLastError,
                lastErrorAt,
                sessionId,
                sessionStart,
                reconnects,
                codec,
                resolution,
                bitrateKbps,
                framesPerSecond,
                spoolBacklog,
                tlsFingerprint,
                engine,
                engineReason,
                damagedFrames);
    }
}
