package io.vigil.investigation.incident;

import io.vigil.error.VigilException;
import io.vigil.investigation.CameraList;
import io.vigil.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an incident must be: pure, no I/O; every problem collected by field (400 {@code VALIDATION_FAILED} naming
 * each). Whether the cameras exist and the caller may see them is the service's to ask.
 */
public final class IncidentRules {

    public static final int MAX_CAMERAS = 16;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 2000;
    /** The longest range: its package holds a clip of each camera over all of it. */
    public static final Duration MAX_RANGE = Duration.ofHours(24);

    private IncidentRules() {}

    public static NewIncident check(IncidentRequest request) {
        if (request == null) {
            throw VigilException.invalid(Map.of("body", "is required: {title, cameraIds, start, end, reason}"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text("title", request.title(), MAX_TITLE_LENGTH, false, errors);
        List<String> cameras = CameraList.check(request.cameraIds(), MAX_CAMERAS, errors);
        Instant start = instant("start", request.start(), errors);
        Instant end = instant("end", request.end(), errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.put("end", "must be after start");
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                errors.put("end", "must be at most " + MAX_RANGE.toHours() + " h after start");
            }
        }
        String reason = text("reason", request.reason(), MAX_REASON_LENGTH, true, errors);
        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new NewIncident(title, cameras, new TimeRange(start, end), reason);
    }

    private static Instant instant(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, "is required (RFC 3339, e.g. 2026-12-07T10:05:00Z)");
            return null;
        }
        try {
            return TimeRange.instant(field, text);
        } catch (VigilException e) {
            errors.putAll(e.fieldErrors());
            return null;
        }
    }

    /** Required text: trimmed, bounded, no control characters (but line breaks and tabs where {@code lines}). */
    private static String text(String field, String given, int max, boolean lines, Map<String, String> errors) {
        String text = given == null ? "" : given.trim();
        if (text.isEmpty()) {
            errors.put(field, "is required");
        } else if (text.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        } else if (text.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
            errors.put(field, lines ? "must not hold control characters but line breaks and tabs" : "must be one line");
        }
        return text;
    }
}
