package io.vigil.investigation.event;

import io.vigil.error.VigilException;
import io.vigil.investigation.CameraList;
import io.vigil.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an event must be: pure, no I/O. Every problem is collected by field (400 {@code VALIDATION_FAILED} naming
 * each), so a client fixes them all at once. Whether the cameras exist and the caller may see them is the
 * service's to ask.
 */
public final class EventRules {

    public static final int MAX_CAMERAS = 16;
    public static final int MAX_LABEL_LENGTH = 64;
    public static final int MAX_NOTE_LENGTH = 2000;
    public static final int MAX_SOURCE_LENGTH = 128;
    /** The longest ranged event; longer stretches are investigations, not events. */
    public static final Duration MAX_EVENT = Duration.ofHours(24);
    /** The most footage an event may hold before its start, and after its end. */
    public static final Duration MAX_HOLD_AROUND = Duration.ofHours(24);

    /** A label's grammar: what a timeline shows in one line, with no markup. */
    public static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/#()+,'-]{0,63}");

    static final String LABEL_RULE =
            "1-64 letters, digits, spaces and . _ : / # ( ) + , ' - beginning with a letter or digit";

    private EventRules() {}

    /** The event {@code request} describes; throws {@code VALIDATION_FAILED} with every field at fault. */
    public static NewEvent check(EventRequest request) {
        if (request == null) {
            throw VigilException.invalid(Map.of("body", "is required: {cameraIds, at | start and end, label}"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> cameras = CameraList.check(request.cameraIds(), MAX_CAMERAS, errors);
        Instant start = null;
        Instant end = null;
        boolean ranged = request.start() != null || request.end() != null;
        if (request.at() != null && ranged) {
            errors.put("at", "give at (a point event) or start and end (a ranged one), not both");
        } else if (request.at() != null) {
            start = instant("at", request.at(), errors);
        } else if (!ranged) {
            errors.put("at", "is required, or start and end");
        } else {
            start = instant("start", request.start(), errors);
            end = instant("end", request.end(), errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.put("end", "must be after start");
            } else if (start != null
                    && end != null
                    && Duration.between(start, end).compareTo(MAX_EVENT) > 0) {
                errors.put("end", "must be at most 24 h after start");
            }
        }
        String label = label(request.label(), errors);
        String note = text("note", request.note(), MAX_NOTE_LENGTH, true, errors);
        String source = text("source", request.source(), MAX_SOURCE_LENGTH, false, errors);
        TimeRange hold = null;
        if (request.hold() != null && start != null && !errors.containsKey("end")) {
            hold = hold(request.hold(), start, end == null ? start : end, errors);
        }
        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new NewEvent(cameras, start, end, label, note, source, hold);
    }

    private static Instant instant(String field, String text, Map<String, String> errors) {
        try {
            return TimeRange.instant(field, text);
        } catch (VigilException e) {
            errors.putAll(e.fieldErrors());
            return null;
        }
    }

    private static String label(String given, Map<String, String> errors) {
        String label = given == null ? "" : given.trim();
        if (label.isEmpty()) {
            errors.put("label", "is required: " + LABEL_RULE);
        } else if (label.length() > MAX_LABEL_LENGTH || !LABEL.matcher(label).matches()) {
            errors.put("label", "must be " + LABEL_RULE);
        }
        return label;
    }

    /** Optional free text: trimmed, empty as none, bounded, no control characters (but line breaks and tabs in notes). */
    private static String text(String field, String given, int max, boolean lines, Map<String, String> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String text = given.trim();
        if (text.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        } else if (text.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
            errors.put(
                    field,
                    lines
                            ? "must not hold control characters but line breaks and tabs"
                            : "must not hold control characters");
        }
        return text;
    }

    private static TimeRange hold(
            EventRequest.HoldAround around, Instant start, Instant end, Map<String, String> errors) {
        Duration before = duration("hold.before", around.before(), errors);
        Duration after = duration("hold.after", around.after(), errors);
        if (before == null || after == null) {
            return null;
        }
        Instant from = start.minus(before);
        Instant until = end.plus(after);
        if (!until.isAfter(from)) {
            errors.put("hold", "holds nothing: give before or after for a point event");
            return null;
        }
        if (!TimeRange.within(from) || !TimeRange.within(until)) {
            errors.put("hold", "reaches outside " + TimeRange.EARLIEST + ".." + TimeRange.LATEST);
            return null;
        }
        return new TimeRange(from, until);
    }

    private static Duration duration(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || d.compareTo(MAX_HOLD_AROUND) > 0) {
                errors.put(field, "must be from PT0S to PT24H");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.put(field, "is not an ISO-8601 duration such as PT30S or PT2M");
            return null;
        }
    }
}
