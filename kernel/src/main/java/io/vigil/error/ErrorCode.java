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
    /** Nothing was recorded in the requested range. */
    NO_RECORDINGS(404),
    /** The range spans a change of codec parameters, which one MP4 file cannot hold. */
    FORMAT_CHANGE(409),
    /** No hold with that id. */
    HOLD_NOT_FOUND(404),
    /** The object store did not answer or refused the request. */
    STORAGE_UNAVAILABLE(503),
    /** The index database did not answer. */
    INDEX_UNAVAILABLE(503),
    /**
     * A segment's sequence number is taken by another segment of the camera: two nodes numbered one camera's
     * segments alike (two nodes with one node id, or a bug). The segment stays in the store, unindexed, and is logged.
     */
    SEQUENCE_COLLISION(500),
    /** A request Micronaut could not bind: malformed JSON, a parameter of the wrong type. */
    BAD_REQUEST(400),
    /** No such route. */
    NOT_FOUND(404),
    /** The route exists, not with this method. */
    METHOD_NOT_ALLOWED(405),
    /** The body is not JSON where JSON is expected. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The body is larger than the server takes ({@code micronaut.server.max-request-size}). */
    PAYLOAD_TOO_LARGE(413),
    /** The request line (method, path and query) is longer than the server reads. */
    URI_TOO_LONG(414),
    /** The request's headers are larger than the server reads. */
    HEADERS_TOO_LARGE(431),
    /** No credentials, wrong ones, or an expired token: sign in (HTTP Basic or a bearer token from /login). */
    UNAUTHENTICATED(401),
    /** Signed in, but the role, the camera allow-list or the share link does not cover this request. */
    FORBIDDEN(403),
    /** Too many failed sign-ins for this user or from this address; retry after the time given. */
    TOO_MANY_ATTEMPTS(429),
    /**
     * A state-changing request (POST, PUT, DELETE, PATCH) a browser sent from another site's page
     * ({@code Sec-Fetch-Site} other than same-origin, or an {@code Origin} that is not this server): refused,
     * whatever credentials the browser added to it.
     */
    CROSS_SITE_REQUEST(403),
    /** No user with that name. */
    USER_NOT_FOUND(404),
    /** A user with that name already exists. */
    USER_EXISTS(409),
    /** The change would leave no administrator. */
    LAST_ADMIN(409),
    /** No share link with that id. */
    SHARE_NOT_FOUND(404),
    /** No event with that id. */
    EVENT_NOT_FOUND(404),
    /** No incident with that id. */
    INCIDENT_NOT_FOUND(404),
    /** No API token with that id. */
    TOKEN_NOT_FOUND(404),
    /** No alert target is configured: alerts are off. */
    ALERTS_OFF(409),
    /** No alert target of that name made through the API. */
    ALERT_TARGET_NOT_FOUND(404),
    /** An alert target of that name exists (in the settings or made through the API). */
    ALERT_TARGET_EXISTS(409),
    /** The alert target is in the settings: it is changed there, not through the API. */
    ALERT_TARGET_IN_SETTINGS(409),
    /** No alert rule of that name made through the API. */
    ALERT_RULE_NOT_FOUND(404),
    /** An alert rule of that name exists (in the settings or made through the API). */
    ALERT_RULE_EXISTS(409),
    /** The alert rule is in the settings: it is changed there, not through the API. */
    ALERT_RULE_IN_SETTINGS(409),
    /** No alert with that id (or none the caller may see). */
    ALERT_NOT_FOUND(404),
    /** An API token with that name already exists. */
    TOKEN_EXISTS(409),
    /** A stored camera password does not decrypt with the configured secret key (a changed or lost key). */
    SECRET_KEY_MISMATCH(500),
    /**
     * A low-latency live request ({@code _HLS_msn}/{@code _HLS_part}, or a part) for further ahead than the camera's
     * live edge will be soon: more than two segments past its newest.
     */
    LIVE_TOO_FAR_AHEAD(400),
    /**
     * A live part or playlist update did not come within the blocking timeout ({@code vigil.live.blocking-timeout}): the
     * camera stopped sending, or too many requests already wait for it.
     */
    LIVE_NOT_READY(503),
    /** Anything else: a bug. */
    INTERNAL(500);

    private final int httpStatus;

    /** The generic code for an HTTP status Micronaut produced itself. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> STORAGE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
