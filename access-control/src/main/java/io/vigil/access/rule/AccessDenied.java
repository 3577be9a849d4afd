package io.vigil.access.rule;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.vigil.access.Denial;
import io.vigil.error.ErrorBody;
import io.vigil.error.ErrorCode;
import jakarta.inject.Singleton;

/**
 * Refusals as Vigil's JSON errors: 401 {@code UNAUTHENTICATED} (with a Basic challenge, so players and curl can
 * answer it), 403 {@code FORBIDDEN}, 429 {@code TOO_MANY_ATTEMPTS} with {@code Retry-After}.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AccessDenied implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        Denial denial = Denial.of(request)
                .orElseGet(() -> exception.isForbidden()
                        ? Denial.of(ErrorCode.FORBIDDEN, "not allowed")
                        : Denial.of(
                                ErrorCode.UNAUTHENTICATED, "sign in: HTTP Basic, or a bearer token from POST /login"));
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(
                        HttpStatus.valueOf(denial.code().httpStatus()))
                .body(ErrorBody.of(denial.code(), denial.message()));
        if (denial.code() == ErrorCode.UNAUTHENTICATED
                && !"XMLHttpRequest".equals(request.getHeaders().get("X-Requested-With"))) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Vigil\", charset=\"UTF-8\"");
        }
        if (denial.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(denial.retryAfterSeconds()));
        }
        return response;
    }
}
