package io.vigil.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

    /**
     * Debian's Chromium, headless, driven by Selenium through its ChromeDriver, video allowed to play on its own, its
     * profile in {@code profile}, with Chromium's preferences {@code prefs} (downloads; or none) and {@code more}
     * arguments; scripts may run 30 s.
     *
     * @param windowSize Chromium's {@code --window-size}, e.g. "1600,1000"
     */
    public static ChromeDriver chromium(Path profile, String windowSize, Map<String, Object> prefs, String... more) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=" + windowSize,
                "--user-data-dir=" + profile);
        options.addArguments(more);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
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

    /** A camera's two encodings as clips: its main stream and its sub stream, same frame rate and GOP. */
    public record StreamClips(Path main, Path sub) {}

    /**
     * A camera's main and sub streams, each a 10 s H.264 clip at 25 fps with a GOP of {@code gopFrames} and no
     * B-frames, without audio: main 16:9 at {@code mainHeight} (720 or 1080) at 1 Mbit/s (a real camera's is 2-4;
     * kept low to spare the 2-core test machine), sub 640x360 at 400 kbit/s, as a camera's sub stream is.
     */
    public static StreamClips cameraStreams(Path dir, int mainHeight, int gopFrames)
            throws IOException, InterruptedException {
        return new StreamClips(
                streamClip(dir, mainHeight * 16 / 9, mainHeight, 1000, gopFrames), subStreamClip(dir, gopFrames));
    }

    /** A camera's sub stream alone, as {@link #cameraStreams} makes it: 640x360 at 400 kbit/s (the benches' too). */
    public static Path subStreamClip(Path dir, int gopFrames) throws IOException, InterruptedException {
        return streamClip(dir, 640, 360, 400, gopFrames);
    }

    /** One camera stream: H.264 at 25 fps, constant bit rate, fixed GOP, no B-frames, no audio; made once. */
    private static Path streamClip(Path dir, int width, int height, int kbits, int gopFrames)
            throws IOException, InterruptedException {
        return encodeOnce(
                dir.resolve("camera-" + height + "p25-" + kbits + "k-gop" + gopFrames + "-nobf.mp4"),
                testSource(
                        width + "x" + height,
                        10,
                        gopFrames,
                        0,
                        false,
                        List.of("-b:v", kbits + "k", "-maxrate", kbits + "k", "-bufsize", 2 * kbits + "k")));
    }

    /** Seconds of the activity clip's still scene, then as many of its moving one: one period of the clip. */
    public static final int ACTIVITY_HALF_SECONDS = 10;

    /**
     * A scene that is still, then moves: {@link #ACTIVITY_HALF_SECONDS} s of a frozen picture (FFmpeg's test picture,
     * its first frame), then as many with a 200x200 patch of a cellular automaton (changing every frame) sliding across
     * it at 97 px/s, as someone walking through a camera's view; 640x360, 25 fps, H.264 at x264's default constant
     * quality (a camera's variable bit rate: bytes follow the change), a keyframe every 2 s exactly (no scene-cut
     * keyframes, so an I-frame begins every 2 s segment, moving or not), no B-frames, no audio. About 500 kB; made once.
     */
    public static Path activityClip(Path dir) throws IOException, InterruptedException {
        int period = 2 * ACTIVITY_HALF_SECONDS;
        return encodeOnce(
                dir.resolve("activity-still" + ACTIVITY_HALF_SECONDS + "-moving" + ACTIVITY_HALF_SECONDS
                        + "-gop50-nobf.mp4"),
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
                        "cellauto=s=200x200:rate=25:rule=110:random_fill_ratio=0.5:random_seed=20",
                        "-filter_complex",
                        "[0:v]trim=end_frame=1,loop=loop=-1:size=1,setpts=N/25/TB[still];[1:v]format=yuv420p[patch];"
                                + "[still][patch]overlay=x='120+mod(t*97,300)':y=80:enable='gte(mod(t," + period + "),"
                                + ACTIVITY_HALF_SECONDS + ")'",
                        "-t",
                        Integer.toString(period),
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
                        "0",
                        "-an"));
    }

    /** A 10 s H.264 clip with B-frames (x264's default of 3) and AAC audio, 2 s GOP. */
    static Path bFrameClip(Path dir) throws IOException, InterruptedException {
        return encodeOnce(dir.resolve("clip-h264-aac-bframes.mp4"), testSource("640x360", 10, 50, 3, true, List.of()));
    }

    /** A 16 s H.264 clip with an 8 s GOP, as some cameras are set up to save bandwidth. */
    static Path longGopClip(Path dir) throws IOException, InterruptedException {
        return encodeOnce(dir.resolve("clip-h264-gop8s.mp4"), testSource("640x360", 16, 200, 0, false, List.of()));
    }

    /**
     * ffmpeg encoding FFmpeg's moving test picture at {@code size}, 25 fps, for {@code seconds} with x264 (veryfast,
     * 4:2:0), a fixed GOP of {@code gopFrames} (no scene-cut keyframes) and {@code bFrames}, its rate control as given
     * (x264's default without), with a 440 Hz tone as AAC or without audio; {@link #encodeOnce} adds the output.
     */
    private static List<String> testSource(
            String size, int seconds, int gopFrames, int bFrames, boolean aac, List<String> rateControl) {
        List<String> cmd = new ArrayList<>(
                List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25"));
        if (aac) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        String gop = Integer.toString(gopFrames);
        cmd.addAll(List.of(
                "-t",
                Integer.toString(seconds),
                "-pix_fmt",
                "yuv420p",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-g",
                gop,
                "-keyint_min",
                gop,
                "-sc_threshold",
                "0",
                "-bf",
                Integer.toString(bFrames)));
        cmd.addAll(rateControl);
        cmd.addAll(aac ? List.of("-c:a", "aac", "-b:a", "64k") : List.of("-an"));
        return cmd;
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
