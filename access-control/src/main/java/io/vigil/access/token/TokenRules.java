package io.vigil.access.token;

import io.vigil.error.VigilException;
import io.vigil.kernel.CameraId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a new API token must be: pure; every problem named by field (400 {@code VALIDATION_FAILED}). */
public final class TokenRules {

    /** A token's name: it becomes {@code token:<name>} in audit rows (64 characters at most). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    public static final int MAX_CAMERAS = 256;

    /** A token as checked: name, cameras (no repeats, in order) and scopes. */
    public record Checked(String name, List<String> cameraIds, List<String> scopes) {}

    private TokenRules() {}

    public static Checked check(TokenRequest request) {
        if (request == null) {
            throw VigilException.invalid(Map.of("body", "is required: {name, cameraIds, scopes}"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (!NAME.matcher(name).matches()) {
            errors.put("name", "must be 1-48 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        List<String> cameras = distinct(request.cameraIds());
        if (cameras.isEmpty() || cameras.size() > MAX_CAMERAS) {
            errors.put("cameraIds", "name 1 to " + MAX_CAMERAS + " cameras the token may act on");
        } else if (!cameras.stream().allMatch(CameraId::isValid)) {
            errors.put("cameraIds", "each is a camera id: " + CameraId.RULE);
        }
        List<String> scopes = distinct(request.scopes());
        if (scopes.isEmpty()
                || !scopes.stream().allMatch(s -> TokenScope.parse(s).isPresent())) {
            errors.put("scopes", "name what the token may do, of: " + TokenScope.names());
        }
        if (!errors.isEmpty()) {
            throw VigilException.invalid(errors);
        }
        return new Checked(name, cameras, scopes);
    }

    private static List<String> distinct(List<String> given) {
        List<String> out = new ArrayList<>();
        if (given == null || given.size() > MAX_CAMERAS + 1) {
            return given == null ? out : given; // too many: refused as they are
        }
        for (String s : given) {
            String t = s == null ? "" : s.trim();
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
