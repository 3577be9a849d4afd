package io.vigil.investigation.event;

import io.vigil.error.VigilException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of events ended, for the next ({@code next} in a page, {@code after} in the query): the last event's
 * start and id, as {@code <startEpochMillis>_<id>}. Pages are newest first, so the next one holds events before it.
 */
public record EventCursor(long startMillis, String id) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})_([0-9a-f-]{36})");

    public static EventCursor of(Event event) {
        return new EventCursor(event.start().toEpochMilli(), event.id());
    }

    /** The cursor a page's {@code next} gave; 400 naming {@code after} for anything else. */
    public static EventCursor parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw VigilException.invalid(Map.of("after", "is not a cursor this API gave (a page's next)"));
        }
        return new EventCursor(Long.parseLong(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
        return startMillis + "_" + id;
    }
}
