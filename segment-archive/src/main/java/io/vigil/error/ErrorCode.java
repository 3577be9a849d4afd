package io.vigil.error;

/**
 * Every error Vigil reports, with the HTTP status it maps to. The JSON body is
 * {@code {"error": name(), "message": ...}}; see {@link VigilErrorHandler}.
 */
public enum ErrorCode {
    /** A request field or parameter is malformed; the body lists the fields. */
    VALIDATION_FAILED(400),
    /** A time range whose end is not after its start, or that is unbounded where it must not be. */
    INVALID_RANGE(400),
    /** No camera with that id. */
    CAMERA_NOT_FOUND(404),
    /** A camera with that id already exists. */
    CAMERA_EXISTS(409),
    /** The camera exists but is managed by the cameras file and the change would be undone on restart. */
    CAMERA_MANAGED_BY_FILE(409),
    /** No segment or init segment with that key. */
    SEGMENT_NOT_FOUND(404),
    /** The object store did not answer or refused the request. */
    STORAGE_UNAVAILABLE(503),
    /** The index database did not answer. */
    INDEX_UNAVAILABLE(503),
    /** A configuration file or value is unusable. */
    CONFIG_INVALID(500),
    /** Anything else: a bug. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
