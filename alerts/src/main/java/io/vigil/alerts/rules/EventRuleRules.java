package io.vigil.alerts.rules;

import io.vigil.alerts.plan.EventRule;
import io.vigil.error.VigilException;
import io.vigil.kernel.CameraId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an event rule as sent through the API (pure): every field, errors by field. */
public final class EventRuleRules {

    public static final int MAX_CAMERAS = 64;
    public static final int MAX_LABEL_LENGTH = 64;
    public static final long DEFAULT_COOLDOWN_SECONDS = 60;
    public static final long MAX_COOLDOWN_SECONDS = 24 * 3600;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private EventRuleRules() {}

    /** The rule the request asks for; 400 {@code VALIDATION_FAILED} naming each field at fault. */
    public static EventRule check(EventRuleRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request == null) {
            throw VigilException.invalid(
                    Map.of("body", "send a JSON object with name, label, cameraIds, cooldownSeconds"));
        }
        String name = request.name() == null ? "" : request.name().trim();
        if (!NAME.matcher(name).matches()) {
            errors.put("name", "must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String label = request.label() == null ? "" : request.label().trim();
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
            errors.put("label", "must be 1-" + MAX_LABEL_LENGTH + " characters");
        }
        List<String> given = request.cameraIds() == null ? List.of() : request.cameraIds();
        Set<String> cameras = new LinkedHashSet<>();
        if (given.size() > MAX_CAMERAS) {
            errors.put("cameraIds", "name at most " + MAX_CAMERAS + " cameras (none: every camera)");
        } else {
            for (String id : given) {
                String trimmed = id == null ? "" : id.trim();
                if (!CameraId.isValid(trimmed)) {
                    errors.put("cameraIds", "each is a camera id: " + CameraId.RULE);
                    break;
                }
                cameras.add(trimmed);
            }
        }
        long cooldown = request.cooldownSeconds() == null ? DEFAULT_COOLDOWN_SECONDS : request.cooldownSeconds();
        if (cooldown < 0 || cooldown > MAX_COOLDOWN_SECONDS) {
            errors.put("cooldownSeconds", "must be from 0 to " + MAX_COOLDOWN_SECONDS);
        }
        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new EventRule(name, label, cameras, cooldown * 1000);
    }
}
