package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ServiceProcess;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cameras given to a running Vigil a batch at a time through its cameras file (which it reads again every 2 s), the
 * next batch once every stream of the cameras so far records or the batch's deadline has passed: gst-rtsp-server has
 * aborted ({@code gst_rtsp_media_get_rates: assertion failed}) when many clients open its media at once. A simulator
 * that exits meanwhile fails the bench at once, saying so.
 */
final class StaggeredCameras {

    /** One camera of the file: its main stream's URL, its sub stream's (or null), its engine (or null: the default). */
    record Camera(String id, String url, String subUrl, String engine) {
        int streams() {
            return subUrl == null ? 1 : 2;
        }
    }

    private StaggeredCameras() {}

    /** The cameras file of these cameras. */
    static String yaml(List<Camera> cameras) {
        List<String> lines = new ArrayList<>(List.of("cameras:" + (cameras.isEmpty() ? " []" : "")));
        for (Camera c : cameras) {
            lines.add("  - id: " + c.id());
            lines.add("    url: " + c.url());
            if (c.engine() != null) {
                lines.add("    engine: " + c.engine());
            }
            if (c.subUrl() != null) {
                lines.add("    streams:");
                lines.add("      sub: { url: \"" + c.subUrl() + "\" }");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Writes {@code file} with {@code batch} more cameras at a time until it lists them all, waiting after each for
     * every stream so far to record (at most {@code perBatch}); the streams recording at the end.
     *
     * @param allMustRecord fail when a batch's deadline passes with a stream not recording, else go on
     */
    static long apply(
            Path file,
            List<Camera> cameras,
            int batch,
            Duration perBatch,
            boolean allMustRecord,
            ServiceProcess vigil,
            CameraSimulator simulator)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long recording = 0;
        for (int to = Math.min(batch, cameras.size()); ; to = Math.min(to + batch, cameras.size())) {
            List<Camera> listed = cameras.subList(0, to);
            Files.writeString(file, yaml(listed));
            int streams = listed.stream().mapToInt(Camera::streams).sum();
            long deadline = System.nanoTime() + perBatch.toNanos();
            Map<String, String> states = Map.of();
            while (true) {
                simulator.exited().ifPresent(exit -> {
                    throw new AssertionError(exit + ", while its cameras were being added: " + simulator.report());
                });
                states = StreamStates.fetch(http, vigil.base());
                recording = StreamStates.recording(states);
                if (recording >= streams || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            if (recording < streams && allMustRecord) {
                throw new AssertionError(recording + " of " + streams + " streams of the first " + to + " cameras"
                        + " RECORDING after " + perBatch.toSeconds() + " s: " + states + "\n" + simulator.report()
                        + "\nVigil's log:\n" + vigil.logTail(40));
            }
            if (to == cameras.size()) {
                return recording;
            }
        }
    }
}
