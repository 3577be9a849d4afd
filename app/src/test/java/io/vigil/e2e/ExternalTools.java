package io.vigil.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real tools the end-to-end tests drive; a missing one fails the test with the install line. */
public final class ExternalTools {

    static final String INSTALL = "apt-get install -y ffmpeg python3-gi gir1.2-gst-rtsp-server-1.0 "
            + "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad (or run bin/test, which does it)";

    private ExternalTools() {}

    /** Throws with the install instructions unless ffmpeg, ffprobe and GStreamer's RTSP server are usable. */
    public static void require() {
        List<String> missing = new ArrayList<>();
        if (!works(List.of("ffmpeg", "-version"))) {
            missing.add("ffmpeg");
        }
        if (!works(List.of("ffprobe", "-version"))) {
            missing.add("ffprobe");
        }
        if (!works(List.of(
                "/usr/bin/python3",
                "-c",
                "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"))) {
            missing.add("python3-gi with GstRtspServer");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(
                    "missing tools for the end-to-end tests: " + missing + "; install with: " + INSTALL);
        }
    }

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Debian's Chromium and its driver, for the console's browser tests. */
    public static void requireBrowser() {
        if (!works(List.of(CHROMIUM, "--version")) || !works(List.of(CHROMEDRIVER, "--version"))) {
            throw new AssertionError("the console's browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "); install with: sudo apt-get install -y chromium chromium-driver");
        }
    }

    /** Runs a command, returns its combined output; fails the test if it exits non-zero. */
    public static String run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("exit " + p.exitValue() + " from " + command + ":\n" + text);
        }
        return text;
    }

    /**
     * Encodes a 10 s test clip with a 2 s GOP and no B-frames, as IP cameras send: H.264 with AAC
     * audio, or H.265 without audio.
     */
    public static Path clip(Path dir, boolean hevc) throws IOException, InterruptedException {
        Path file = dir.resolve(hevc ? "clip-h265-nobf.mp4" : "clip-h264-aac-nobf.mp4");
        List<String> cmd = new ArrayList<>(
                List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"));
        if (!hevc) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        cmd.addAll(List.of("-t", "10", "-pix_fmt", "yuv420p"));
        if (hevc) {
            cmd.addAll(List.of(
                    "-c:v",
                    "libx265",
                    "-preset",
                    "ultrafast",
                    "-tag:v",
                    "hvc1",
                    "-x265-params",
                    "keyint=50:min-keyint=50:scenecut=0:bframes=0:log-level=error"));
        } else {
            cmd.addAll(List.of(
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-g",
                    "50",
                    "-keyint_min",
                    "50",
                    "-bf",
                    "0",
                    "-sc_threshold",
                    "0",
                    "-c:a",
                    "aac",
                    "-b:a",
                    "64k"));
        }
        return encodeOnce(file, cmd);
    }

    /**
     * Runs an encoder command whose last argument is the output, into a temporary file renamed into place, so a
     * clip that exists is complete: an mp4 is unplayable until ffmpeg writes its index at the end, and another test
     * run on this machine (the clips are shared under the temporary directory) must never serve a half-written one.
     */
    static Path encodeOnce(Path file, List<String> command) throws IOException, InterruptedException {
        if (Files.exists(file)) {
            return file;
        }
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part.mp4");
        try {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(partial.toString());
            run(Duration.ofMinutes(2), cmd);
            Files.move(
                    partial,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    /** A 10 s H.264 clip with B-frames (x264's default of 3) and AAC audio, 2 s GOP. */
    static Path bFrameClip(Path dir) throws IOException, InterruptedException {
        return encodeOnce(
                dir.resolve("clip-h264-aac-bframes.mp4"),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        "10",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-g",
                        "50",
                        "-keyint_min",
                        "50",
                        "-sc_threshold",
                        "0",
                        "-bf",
                        "3",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "64k"));
    }

    /** A 16 s H.264 clip with an 8 s GOP, as some cameras are set up to save bandwidth. */
    static Path longGopClip(Path dir) throws IOException, InterruptedException {
        return encodeOnce(
                dir.resolve("clip-h264-gop8s.mp4"),
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=25",
                        "-t",
                        "16",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-g",
                        "200",
                        "-keyint_min",
                        "200",
                        "-sc_threshold",
                        "0",
                        "-bf",
                        "0"));
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
