package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site upgraded with its settings under their old names: the real service ({@code io.vigil.Application}) applies
 * an old name from a site YAML file, an environment variable and a system property to the new {@code vigil.*} name,
 * lets a new name set too win, and warns once per old name, without its value.
 */
class RenamedSettingsEndToEndTest {

    private static final String DAY = "2026-01-01T00:00:00Z";

    @Test
    void oldNamesFromAFileTheEnvironmentAndSystemPropertiesStillApplyWithOneWarningEach() throws Exception {
        Path work = Files.createTempDirectory("vigil-renamed");
        Path site = Files.writeString(work.resolve("site.yml"), "retention:\n  default-days: 9\n");
        Files.writeString(
                work.resolve("cameras.yml"),
                "cameras:\n  - {id: lobby, url: \"rtsp://127.0.0.1:9/x\", enabled: false}\n");
        List<String> options = List.of(
                "-Dmicronaut.config.files=" + site,
                "-Dplayback.max-clip-range=1h",
                "-Dvigil.playback.max-clip-range=3h");
        try (ServiceProcess vigil = new ServiceProcess(
                work, CameraSimulator.freePort(), options, Map.of("PLAYBACK_MAX_VERIFY_RANGE", "2h"))) {
            vigil.start();

            // retention.default-days (site file) -> vigil.retention.default-days: a camera without its own days
            assertTrue(
                    get(vigil, "/api/cameras/lobby").body().contains("\"retentionDays\":9"),
                    get(vigil, "/api/cameras/lobby").body());
            // PLAYBACK_MAX_VERIFY_RANGE (environment) -> vigil.playback.max-verify-range: 2 h, not the default 24 h
            HttpResponse<String> threeHours =
                    get(vigil, "/api/cameras/lobby/verify?start=" + DAY + "&end=2026-01-01T03:00:00Z");
            assertEquals(400, threeHours.statusCode(), threeHours.body());
            assertTrue(threeHours.body().contains("at most 2 h (vigil.playback.max-verify-range)"), threeHours.body());
            assertEquals(
                    200,
                    get(vigil, "/api/cameras/lobby/verify?start=" + DAY + "&end=2026-01-01T02:00:00Z")
                            .statusCode());
            // -Dplayback.max-clip-range=1h is ignored: -Dvigil.playback.max-clip-range=3h wins
            assertEquals(
                    404,
                    get(vigil, "/api/cameras/lobby/clip.mp4?start=" + DAY + "&end=2026-01-01T02:00:00Z")
                            .statusCode());
            HttpResponse<String> fourHours =
                    get(vigil, "/api/cameras/lobby/clip.mp4?start=" + DAY + "&end=2026-01-01T04:00:00Z");
            assertEquals(400, fourHours.statusCode(), fourHours.body());
            assertTrue(fourHours.body().contains("at most 3 h (vigil.playback.max-clip-range)"), fourHours.body());
        }
        List<String> warnings = Files.readAllLines(work.resolve("service.log")).stream()
                .filter(line -> line.contains("RenamedSettings"))
                .map(line -> line.substring(line.indexOf(" - ") + 3))
                .toList();
        assertEquals(
                List.of(
                        "Setting PLAYBACK_MAX_VERIFY_RANGE has a new name, VIGIL_PLAYBACK_MAX_VERIFY_RANGE: its value is used; rename it",
                        "Setting playback.max-clip-range is ignored: its new name vigil.playback.max-clip-range is set too, and wins; "
                                + "remove playback.max-clip-range",
                        "Setting retention.default-days has a new name, vigil.retention.default-days: its value is used; rename it"),
                warnings);
    }

    private static HttpResponse<String> get(ServiceProcess vigil, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(vigil.base() + path))
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
