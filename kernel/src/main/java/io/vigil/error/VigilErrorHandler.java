package io.vigil.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where {@link VigilException}s become HTTP responses. */
@Singleton
@Produces
@Requires(classes = {VigilException.class, ExceptionHandler.class})
public class VigilErrorHandler implements ExceptionHandler<VigilException, HttpResponse<ErrorBody>> {

    private static final Logger LOG = LoggerFactory.getLogger(VigilErrorHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, VigilException e) {
        int status = e.code().httpStatus();
        if (status >= 500) {
            LOG.warn(
                    "{} {} failed: {} {}",
                    request.getMethod(),
                    request.getPath(),
                    e.code(),
                    e.getMessage(),
                    e.getCause());
        }
        var response = HttpResponse.<ErrorBody>status(HttpStatus.valueOf(status))
                .body(new ErrorBody(e.code().name(), e.getMessage(), e.fieldErrors()));
        String retryAfter = e.fieldErrors().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response;
    }
}
