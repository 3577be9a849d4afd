package io.vigil.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** The JSON body of every error response: {@code {"error": CODE, "message": ..., "fields": {...}}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, String message, Map<String, String> fields) {

    public ErrorBody {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error code is required");
        }
        message = message == null ? "" : message;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.name(), message, Map.of());
    }
}
