package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cameras file applies without a restart: a camera added to it records within seconds, a changed camera's
 * recorder restarts while the others' sessions go on, an entry with errors is reported in {@code /health} and skipped
 * while the rest is applied, and every change is audited as the cameras file's.
 */
class CamerasFileReloadTest {

    @Test
    void changesToTheCamerasFileApplyWithoutARestartAndOnlyChangedCamerasRestart() throws Exception {
        ExternalTools.require();
        Path work = Files.createTempDirectory("vigil-cameras-reload");
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-clips");
        Files.createDirectories(clips);
        Path clip = ExternalTools.clip(clips, false);
        Path file = work.resolve("cameras.yml");
        try (CameraSimulator camera = new CameraSimulator(Map.of("one", clip, "two", clip, "three", clip), Map.of())) {
            Files.writeString(file, cameras("- id: quay\n    url: " + camera.url("one") + "\n"));
            try (VigilHarness vigil = new VigilHarness(work, Map.of("vigil.cameras.file-check-interval", "500ms"))) {
                vigil.await(
                        "quay records from the file read at start-up (simulator: " + camera.output() + ")",
                        Duration.ofSeconds(60),
                        () -> "RECORDING".equals(state(vigil, "quay")));
                String quaySession = session(vigil, "quay");

                // a camera added to the file records without a restart; quay's session goes on
                Files.writeString(
                        file,
                        cameras("- id: quay\n    url: " + camera.url("one") + "\n" + "  - id: wharf\n    url: "
                                + camera.url("two") + "\n"));
                vigil.await(
                        "wharf, added to the file, records",
                        Duration.ofSeconds(60),
                        () -> "RECORDING".equals(state(vigil, "wharf")));
                assertEquals(quaySession, session(vigil, "quay"), "quay was not restarted");

                // wharf's URL changes: only wharf restarts; an entry with an error is skipped and reported
                String wharfSession = session(vigil, "wharf");
                Files.writeString(
                        file,
                        cameras("- id: quay\n    url: " + camera.url("one") + "\n"
                                + "  - id: wharf\n    url: " + camera.url("three") + "\n"
                                + "  - id: pier\n    url: http://192.0.2.1/not-rtsp\n"));
                vigil.await("wharf records from its new URL", Duration.ofSeconds(60), () -> {
                    String now = session(vigil, "wharf");
                    return now != null && !now.equals(wharfSession) && "RECORDING".equals(state(vigil, "wharf"));
                });
                assertEquals(quaySession, session(vigil, "quay"), "quay was not restarted by wharf's change");
                assertEquals(404, vigil.send("GET", "/api/cameras/pier", null).statusCode(), "pier is not added");
                String health =
                        vigil.send("GET", "/health", null, TestAdmin.basic()).body();
                assertTrue(health.contains("\"camerasFile\""), health);
                assertTrue(health.contains("camera pier: "), "the skipped entry is named in /health: " + health);
                String audit = vigil.send("GET", "/api/audit?user=system:cameras-file", null)
                        .body();
                assertTrue(audit.contains("\"action\":\"CAMERA_CREATE\",\"cameraId\":\"wharf\""), audit);
                assertTrue(audit.contains("\"action\":\"CAMERA_UPDATE\",\"cameraId\":\"wharf\""), audit);
            }
        }
    }

    private static String cameras(String entries) {
        return "cameras:\n  " + entries;
    }

    private static String state(VigilHarness vigil, String id) {
        try {
            return vigil.state(id);
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private static String session(VigilHarness vigil, String id) {
        try {
            return VigilHarness.field(
                    vigil.send("GET", "/api/cameras/" + id, null).body(), "sessionId");
        } catch (Exception e) {
            return null;
        }
    }
}
