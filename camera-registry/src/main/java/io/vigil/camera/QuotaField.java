package io.vigil.camera;

import java.util.Map;

/**
 * A stream's quota as a request gives it (glossary: quota), pure: {@code quota} as an installer types it
 * ({@code 500MB}, {@code 2GB}, {@code 1.5TB}: {@link ByteSize#parse}) or {@code maxBytes} as a number; never both.
 * Either one at 0 (or an empty {@code quota}) removes the quota; neither keeps the stored one.
 */
final class QuotaField {

    private QuotaField() {}

    /**
     * @param field the error key of {@code quota} ({@code quota}, {@code streams.sub.quota})
     * @return null to keep the stored quota (also after an error was put into {@code errors}), 0 to remove it, or the
     *     bytes (as given: a negative {@code maxBytes} is the caller's to refuse)
     */
    static Long requested(String quota, Long maxBytes, String field, Map<String, String> errors) {
        if (quota != null && maxBytes != null) {
            errors.put(field, "give the quota as text (500MB) or as maxBytes, not both");
            return null;
        }
        if (quota != null) {
            if (quota.isBlank()) {
                return 0L;
            }
            try {
                return ByteSize.parse(quota).bytes();
            } catch (IllegalArgumentException e) {
                errors.put(field, e.getMessage());
                return null;
            }
        }
        return maxBytes;
    }
}
