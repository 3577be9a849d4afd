package io.vigil.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vigil.error.ErrorBody;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Names what was too large in a request the HTTP decoder gave up on: Micronaut answers every such request 413, but
 * a request line (URL) too long is 414 {@code URI_TOO_LONG} and headers too large 431 {@code HEADERS_TOO_LARGE}.
 * Everything else is {@link VigilErrorResponseProcessor}'s.
 */
@Singleton
@Replaces(VigilErrorResponseProcessor.class)
public class OversizedRequests extends VigilErrorResponseProcessor {

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()
                && context.getRequest() instanceof NettyHttpRequest<?> netty) {
            Throwable cause = netty.getNativeRequest().decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return answer(
                        response, ErrorCode.URI_TOO_LONG, "the request line (method, path and query) is too long");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return answer(response, ErrorCode.HEADERS_TOO_LARGE, "the request's headers are too large");
            }
        }
        return super.processResponse(context, response);
    }

    private static MutableHttpResponse<ErrorBody> answer(
            MutableHttpResponse<?> response, ErrorCode code, String message) {
        return response.status(code.httpStatus())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorBody.of(code, message));
    }
}
