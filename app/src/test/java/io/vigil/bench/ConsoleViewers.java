package io.vigil.bench;

import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The viewers a browser bench signs in as (a guard's role), each seeing the cameras of its allow-list: the console's
 * wall shows exactly those, in the order of their ids. Made by the admin through {@code /api/users}; signed in with
 * {@code POST /login} as the console does.
 */
final class ConsoleViewers {

    private static final String PASSWORD = "bench-viewer-pass-1";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** @param base Vigil's URL */
    ConsoleViewers(String base) {
        this.base = base;
    }

    /** A viewer who sees these cameras only. */
    void create(String user, List<String> cameraIds) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\","
                + "\"cameras\":["
                + cameraIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/users"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestAdmin.basic())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /api/users " + user + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** {@code POST /login}'s answer (tokens, role, expiry) for {@code user}, as the console signs in. */
    String login(String user) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"access_token\"")) {
            throw new AssertionError("POST /login as " + user + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
