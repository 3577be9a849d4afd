package io.vigil.kernel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the feature that answered a request tells the audit log about it: the camera and the footage range the request
 * concerned, and the row's detail text. The controller publishes it on its request ({@link #publishOn}) once it has
 * done what was asked; access control's audit recorder reads it after the answer ({@link #of}), so it needs none of
 * the feature's types. Without a note, a row says the route ({@link #route}) and the camera and range the request's
 * path and parameters name.
 *
 * @param cameraId the camera concerned; null: the one the request names, if any
 * @param start    start of the footage range concerned; null, with {@code end}: the request's range, if any
 * @param end      end of that range (exclusive)
 * @param detail   the row's detail, e.g. {@code hold 3f2a…: court order 17}
 */
public record AuditNote(
        @Nullable String cameraId,
        @Nullable Instant start,
        @Nullable Instant end,
        String detail) {

    /** The request attribute a note is published under. */
    static final String ATTRIBUTE = "vigil.audit.note";

    public AuditNote {
        Objects.requireNonNull(detail, "detail");
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("an audit note's range has both ends or none: " + start + ", " + end);
        }
    }

    /** A note that only words the row's detail. */
    public static AuditNote detail(String detail) {
        return new AuditNote(null, null, null, detail);
    }

    /** A note naming the camera concerned. */
    public static AuditNote camera(String cameraId, String detail) {
        return new AuditNote(Objects.requireNonNull(cameraId, "cameraId"), null, null, detail);
    }

    /** A note naming a camera's footage over {@code [start, end)}. */
    public static AuditNote footage(String cameraId, Instant start, Instant end, String detail) {
        return new AuditNote(
                Objects.requireNonNull(cameraId, "cameraId"),
                Objects.requireNonNull(start, "start"),
                Objects.requireNonNull(end, "end"),
                detail);
    }

    /** How a row names a request's route when nothing more is said: {@code POST /api/cameras}. */
    public static String route(HttpRequest<?> request) {
        // which of the camera's streams was asked for is part of what was seen; no other query (it may hold a token)
        String stream = request.getParameters().get("stream");
        return request.getMethodName() + " " + request.getPath()
                + (StreamName.SUB.param().equals(stream) ? " (sub stream)" : "");
    }

    /** Leaves this note on the request for the audit log (the last note published is the one recorded). */
    public void publishOn(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The note the answering feature left on the request, if any. */
    public static Optional<AuditNote> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE)
                .filter(AuditNote.class::isInstance)
                .map(AuditNote.class::cast);
    }
}
