package io.vigil.recorder;

import java.util.Objects;

/**
 * An engine could not open or record a camera's stream, and what kind of failure that is for the camera's state.
 * Engine-neutral: each engine maps its own failures to a {@link Kind} (the FFmpeg engine its return codes). The
 * message is shown in the camera's status, in words: it never holds a credential, nor an engine's error codes, which
 * go in its {@link #detail} for the log.
 */
public final class StreamError extends Exception {

    /** What a failure means for the camera's state. */
    public enum Kind {
        /** The camera refused the credentials: UNAUTHORIZED, retried slowly. */
        UNAUTHORIZED,
        /** The camera does not answer (refused, timed out, unreachable): OFFLINE, retried. */
        UNREACHABLE,
        /** The camera answers but its stream cannot be recorded: ERROR, retried. */
        STREAM,
        /**
         * The native engine cannot record this stream (another codec, an unusual transport or format), though the
         * FFmpeg engine may: the camera falls back to FFmpeg (engine fallback) at once.
         */
        NOT_NATIVE
    }

    private final Kind kind;
    private final String detail;

    public StreamError(String message, Kind kind) {
        this(message, kind, (String) null);
    }

    /** @param detail for the log only, not the camera's status: e.g. the engine's own error text and code */
    public StreamError(String message, Kind kind, String detail) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail;
    }

    public StreamError(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = null;
    }

    /** What the log says: the message, and the detail in brackets if there is one. */
    public String forLog() {
        return detail == null ? getMessage() : getMessage() + " [" + detail + "]";
    }

    public Kind kind() {
        return kind;
    }
}
