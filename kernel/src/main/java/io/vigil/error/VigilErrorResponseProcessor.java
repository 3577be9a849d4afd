package io.vigil.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Gives errors that Micronaut raises itself (unknown route, unreadable JSON, wrong parameter type)
 * the same body as Vigil's own: {@code {"error": CODE, "message": ...}}.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class VigilErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        ErrorCode code = ErrorCode.forStatus(response.code());
        String message = context.getErrors().stream().map(e -> e.getMessage()).collect(Collectors.joining("; "));
        if (message.isBlank() || code == ErrorCode.INTERNAL) {
            message = code == ErrorCode.NOT_FOUND
                    ? "no such resource: " + context.getRequest().getPath()
                    : code == ErrorCode.INTERNAL ? "internal error" : response.reason();
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(ErrorBody.of(code, message));
    }
}
