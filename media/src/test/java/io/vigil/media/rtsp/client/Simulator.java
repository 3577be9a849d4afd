package io.vigil.media.rtsp.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The repository's GStreamer camera simulator ({@code tools/camera_simulator.py}) serving one clip at {@code /cam},
 * with {@code admin:secret} on its secure port (Basic, or Digest), on ports it picks itself on loopback.
 */
final class Simulator implements AutoCloseable {

    static final String INSTALL = "apt-get install python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good "
            + "gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly ffmpeg";

    private static final int START_TIMEOUT_SECONDS = 60;

    private final Process process;
    final int port;
    final int securePort;

    private Simulator(Process process, int port, int securePort) {
        this.process = process;
        this.port = port;
        this.securePort = securePort;
    }

    /** A 2 s clip (320x240 H.264 at 25 fps, a keyframe a second, AAC mono) made with ffmpeg in {@code dir}. */
    static Path clip(Path dir) throws IOException, InterruptedException {
        Path clip = dir.resolve("clip-aac.mp4");
        run(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=16000",
                "-t",
                "2",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-g",
                "25",
                "-bf",
                "0",
                "-c:a",
                "aac",
                "-ac",
                "1",
                "-shortest",
                clip.toString()));
        return clip;
    }

    static Simulator start(Path clip, boolean digest) throws IOException, InterruptedException {
        Path script = repoRoot().resolve("tools/camera_simulator.py");
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/python3",
                script.toString(),
                "--port",
                "0",
                "--secure-port",
                "0",
                "--path",
                "cam=" + clip,
                "--auth",
                "cam=admin:secret"));
        if (digest) {
            command.add("--digest");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONFAULTHANDLER", "1"); // SIGABRT prints where it is
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // its own thread, not a pool's: what it prints is read until the process ends (GStreamer's warnings included)
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            if (!ready.isDone() && line.startsWith("READY")) {
                                ready.complete(line);
                            } else if (!ready.isDone()) {
                                synchronized (seen) {
                                    seen.append(line).append('\n');
                                }
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                    ready.completeExceptionally(new IllegalStateException(
                            "the camera simulator exited before READY (install: " + INSTALL + "):\n" + seen));
                },
                "simulator-output");
        reader.setDaemon(true);
        reader.start();
        String[] bound;
        try {
            bound = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).split("\\s+");
        } catch (Exception e) {
            boolean alive = process.isAlive();
            if (alive) {
                // Python's fault handler prints every thread's stack on SIGABRT: where it hangs
                new ProcessBuilder("kill", "-ABRT", Long.toString(process.pid()))
                        .start()
                        .waitFor();
                reader.join(5_000);
            }
            process.destroyForcibly();
            synchronized (seen) {
                throw new AssertionError(
                        "the camera simulator did not start within " + START_TIMEOUT_SECONDS + " s ("
                                + (alive ? "still running" : "exited") + "): " + e.getMessage() + "\nit printed:\n"
                                + seen,
                        e);
            }
        }
        return new Simulator(process, Integer.parseInt(bound[1]), Integer.parseInt(bound[2]));
    }

    String url() {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    String secureUrl() {
        return "rtsp://127.0.0.1:" + securePort + "/cam";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is missing; install: " + INSTALL, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + output);
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("tools/camera_simulator.py"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError(
                    "no tools/camera_simulator.py above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
