package io.vigil.kernel;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.util.Locale;
import java.util.Map;

/**
 * Which of a camera's streams (glossary: stream): {@link #MAIN}, the one every camera has, or {@link #SUB}, its
 * low-resolution encoding. Written in lower case wherever a person or a URL names it ({@code stream=sub}).
 */
public enum StreamName {
    MAIN,
    SUB;

    /** {@code main} or {@code sub}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stream a request names in {@code field}: null or missing means {@link #MAIN}; anything but {@code main} or
     * {@code sub} is 400 {@code VALIDATION_FAILED} naming the field.
     */
    public static StreamName require(String field, String value) {
        if (value == null || value.equals("main")) {
            return MAIN;
        }
        if (value.equals("sub")) {
            return SUB;
        }
        throw new VigilException(
                ErrorCode.VALIDATION_FAILED,
                field + ": must be main or sub, got \"" + CameraId.printable(value) + "\"",
                Map.of(field, "must be main or sub"),
                null);
    }
}
