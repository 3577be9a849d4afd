package io.vigil.error;

import java.util.Map;

/**
 * The one exception type of Vigil's feature code. Its message is meant for the API
 * client and must never contain secrets (camera passwords, credentials in URLs).
 */
public final class VigilException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> fieldErrors;

    public VigilException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public VigilException(ErrorCode code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public VigilException(ErrorCode code, String message, Map<String, String> fieldErrors, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static VigilException invalid(Map<String, String> fieldErrors) {
        String summary = fieldErrors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new VigilException(ErrorCode.VALIDATION_FAILED, summary, fieldErrors, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** Field name to what is wrong with it; empty unless {@link ErrorCode#VALIDATION_FAILED}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
