package io.vigil.access.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.json.tree.JsonNode;
import io.vigil.error.VigilException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a PUT body changes: absent fields are kept, {@code cameras: null} removes the allow-list. */
class UserChangeTest {

    @Test
    void absentFieldsAreKeptAndNullCamerasRemoveTheList() {
        assertEquals(
                new UserChange(null, "new-pass-123", null, false, null),
                UserChange.of(object(Map.of("password", JsonNode.createStringNode("new-pass-123")))));
        Map<String, JsonNode> nullCameras = new LinkedHashMap<>();
        nullCameras.put("cameras", JsonNode.nullNode());
        nullCameras.put("role", JsonNode.nullNode());
        assertEquals(new UserChange(null, null, null, true, null), UserChange.of(object(nullCameras)));
        assertEquals(
                new UserChange(null, null, "viewer", true, List.of()),
                UserChange.of(object(Map.of(
                        "role", JsonNode.createStringNode("viewer"), "cameras", JsonNode.createArrayNode(List.of())))));
        assertEquals(
                new UserChange(null, null, null, true, List.of("lobby")),
                UserChange.of(object(
                        Map.of("cameras", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("lobby")))))));
        assertEquals(
                new UserChange("u", "p", "admin", true, null),
                UserChange.replacing(new UserRequest("u", "p", "admin", null)));
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        assertEquals(
                Map.of("cameras", "must be a list of camera ids, or null for every camera"),
                assertThrows(
                                VigilException.class,
                                () -> UserChange.of(object(Map.of("cameras", JsonNode.createStringNode("lobby")))))
                        .fieldErrors());
        assertEquals(
                Map.of("cameras", "must be a list of camera ids, or null for every camera"),
                assertThrows(
                                VigilException.class,
                                () -> UserChange.of(object(Map.of(
                                        "cameras", JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(1)))))))
                        .fieldErrors());
        assertEquals(
                Map.of("role", "must be a string"),
                assertThrows(
                                VigilException.class,
                                () -> UserChange.of(object(Map.of("role", JsonNode.createNumberNode(5)))))
                        .fieldErrors());
        assertEquals(
                Map.of("body", "a JSON user object is required"),
                assertThrows(VigilException.class, () -> UserChange.of(JsonNode.createArrayNode(List.of())))
                        .fieldErrors());
        assertThrows(VigilException.class, () -> UserChange.of(null));
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        return JsonNode.createObjectNode(fields);
    }
}
