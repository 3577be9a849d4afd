package io.vigil.access;

import io.micronaut.http.HttpRequest;
import io.vigil.error.ErrorCode;
import java.util.Optional;

/** Why a request was refused, left on the request for the handler that writes the 401/403/429 answer. */
public record Denial(ErrorCode code, String message, long retryAfterSeconds) {

    private static final String ATTRIBUTE = "vigil.denial";

    public static Denial of(ErrorCode code, String message) {
        return new Denial(code, message, 0);
    }

    public void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<Denial> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Denial.class);
    }
}
