package io.vigil.access.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.vigil.error.VigilException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to a user, as {@code PUT /api/users/{username}} sends it: what the request leaves out keeps its value,
 * as camera updates do. {@code password} and {@code role} absent or null keep theirs; {@code cameras} absent keeps
 * the allow-list, {@code null} removes it (every camera), a list replaces it ({@code []}: no camera at all).
 *
 * @param camerasGiven whether the request named {@code cameras} at all; {@code cameras} counts only then
 */
public record UserChange(
        @Nullable String username,
        @Nullable String password,
        @Nullable String role,
        boolean camerasGiven,
        @Nullable List<String> cameras) {

    public UserChange {
        if (!camerasGiven && cameras != null) {
            throw new IllegalArgumentException("cameras given without camerasGiven");
        }
        cameras = cameras == null ? null : List.copyOf(cameras);
    }

    /** Every field as given, an absent allow-list meaning every camera: configuration, re-applied at each start. */
    public static UserChange replacing(UserRequest request) {
        return new UserChange(request.username(), request.password(), request.role(), true, request.cameras());
    }

    /** The change a JSON body asks for; a field of the wrong type is a VALIDATION_FAILED naming it. */
    public static UserChange of(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw VigilException.invalid(Map.of("body", "a JSON user object is required"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String username = text(body, "username", problems);
        String password = text(body, "password", problems);
        String role = text(body, "role", problems);
        JsonNode list = body.get("cameras");
        List<String> cameras = null;
        if (list != null && !list.isNull()) {
            cameras = new ArrayList<>();
            if (!list.isArray()) {
                problems.put("cameras", "must be a list of camera ids, or null for every camera");
            } else {
                for (JsonNode id : list.values()) {
                    if (!id.isString()) {
                        problems.put("cameras", "must be a list of camera ids, or null for every camera");
                        break;
                    }
                    cameras.add(id.getStringValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw VigilException.invalid(problems);
        }
        return new UserChange(username, password, role, list != null, cameras);
    }

    private static String text(JsonNode body, String name, Map<String, String> problems) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.put(name, "must be a string");
            return null;
        }
        return value.getStringValue();
    }

    @Override
    public String toString() {
        return "UserChange[username=" + username + ", role=" + role + ", cameras=" + (camerasGiven ? cameras : "(kept)")
                + "]";
    }
}
