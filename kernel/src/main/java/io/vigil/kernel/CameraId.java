package io.vigil.kernel;

import io.vigil.error.VigilException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A camera's id: a slug of 1 to 63 characters {@code [a-z0-9][a-z0-9-]{0,62}}, used in URLs, object keys and spool
 * paths. The one grammar every module checks ids against, so no id that could name another path (dots, slashes,
 * backslashes, NUL, upper case, anything outside ASCII) reaches a key or a file.
 *
 * @param value the id
 */
public record CameraId(String value) {

    public static final Pattern GRAMMAR = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** What the grammar asks, in words, for error messages. */
    public static final String RULE = "must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit";

    public CameraId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a camera id: " + printable(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && GRAMMAR.matcher(value).matches();
    }

    /**
     * {@code value} as a camera id, or 400 {@code VALIDATION_FAILED} naming {@code field}; the message shows the
     * refused value only as far as it is printable ASCII.
     */
    public static CameraId require(String field, String value) {
        if (!isValid(value)) {
            throw new VigilException(
                    io.vigil.error.ErrorCode.VALIDATION_FAILED,
                    field + ": " + RULE + ", got \"" + printable(value) + "\"",
                    Map.of(field, RULE),
                    null);
        }
        return new CameraId(value);
    }

    /** At most 80 characters of {@code value}, control and non-ASCII characters shown as {@code ?}: safe in logs and answers. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> shown.append(c >= 0x20 && c < 0x7f && c != '"' ? (char) c : '?'));
        return value.length() > 80 ? shown + "..." : shown.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
