package io.vigil.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.vigil.error.VigilException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which alerts a listing asks for: newest first (by when they were decided, then id), after a cursor, at most
 * {@code limit}.
 *
 * @param afterMillis where the previous page ended: its last alert's time, epoch ms; null for the first page
 * @param afterId     and that alert's id
 * @param limit       1 to {@link #MAX_LIMIT}
 */
public record AlertQuery(
        @Nullable Long afterMillis, @Nullable String afterId, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** A page's {@code next}: {@code <epochMillis>_<alert id>}. */
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})_([0-9a-f-]{36})");

    public AlertQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
        if ((afterMillis == null) != (afterId == null)) {
            throw new IllegalArgumentException("a cursor has a time and an id");
        }
    }

    /** The query {@code GET /api/alerts}'s parameters ask for; 400 naming the parameter at fault. */
    public static AlertQuery parse(@Nullable String limit, @Nullable String after) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw VigilException.invalid(Map.of("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (after == null) {
            return new AlertQuery(null, null, n);
        }
        Matcher m = CURSOR.matcher(after.trim());
        if (!m.matches()) {
            throw VigilException.invalid(Map.of("after", "is not a cursor this API gave (a page's next)"));
        }
        return new AlertQuery(Long.parseLong(m.group(1)), m.group(2), n);
    }

    /** The cursor that follows an alert decided at {@code millis} with {@code id}. */
    public static String cursor(long millis, String id) {
        return millis + "_" + id;
    }
}
