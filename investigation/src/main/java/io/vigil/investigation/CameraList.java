package io.vigil.investigation;

import io.vigil.kernel.CameraId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cameras a request names (an event's, an incident's): pure; an error under {@code cameraIds}. */
public final class CameraList {

    private CameraList() {}

    /** The camera ids given, trimmed, repeats dropped, in order; at most {@code max}; problems into {@code errors}. */
    public static List<String> check(List<String> given, int max, Map<String, String> errors) {
        if (given == null || given.isEmpty()) {
            errors.put("cameraIds", "name at least one camera");
            return List.of();
        }
        if (given.size() > max) {
            errors.put("cameraIds", "name at most " + max + " cameras");
            return List.of();
        }
        List<String> cameras = new ArrayList<>();
        for (String id : given) {
            String trimmed = id == null ? "" : id.trim();
            if (!CameraId.isValid(trimmed)) {
                errors.put("cameraIds", "each is a camera id: " + CameraId.RULE);
                return List.of();
            }
            if (!cameras.contains(trimmed)) {
                cameras.add(trimmed);
            }
        }
        return cameras;
    }
}
