package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of every stream of Vigil's cameras as {@code GET /api/cameras} says ({@code streams.main|sub.status.state}),
 * by stream key ({@code cam1}, {@code cam1.sub}). Counting {@code "state":"RECORDING"} in the answer no longer works:
 * a camera's main stream is in it twice (its top-level status and {@code streams.main}).
 */
final class StreamStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamStates() {}

    /** Every stream's state (null while it has no status yet). */
    static Map<String, String> fetch(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/cameras"))
                        .header("Authorization", TestAdmin.basic())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/cameras: " + r.statusCode() + " " + r.body());
        }
        Map<String, String> states = new TreeMap<>();
        for (JsonNode camera : JSON.readTree(r.body())) {
            String id = camera.path("id").asText();
            for (Map.Entry<String, JsonNode> stream : camera.path("streams").properties()) {
                JsonNode state = stream.getValue().path("status").path("state");
                states.put(
                        stream.getKey().equals("main") ? id : id + "." + stream.getKey(),
                        state.isTextual() ? state.asText() : null);
            }
        }
        return states;
    }

    /** How many of these streams are RECORDING. */
    static long recording(Map<String, String> states) {
        return states.values().stream().filter("RECORDING"::equals).count();
    }
}
