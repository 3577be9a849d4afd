package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The ingest and latency benches' camera stream: 1080p25 (or 720p25) H.264 High at 4 (or 2) Mbit/s with a 2 s GOP and no B-frames (as IP
 * cameras send by default: B-frames add a frame of latency; a B-frame stream is recorded by the FFmpeg engine), made
 * once with ffmpeg.
 */
final class IngestInputs {

    private IngestInputs() {}

    static Path camera1080p(Path dir, int mbits) throws Exception {
        return camera(dir, 1920, 1080, mbits);
    }

    /** The same stream at another size (the latency bench's 720p: 1280x720). */
    static Path camera(Path dir, int width, int height, int mbits) throws Exception {
        Path file = dir.resolve("camera-" + height + "p25-" + mbits + "mbit-gop50-nobf.mp4");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve("camera-" + height + "p-" + mbits + ".partial.mp4");
        ExternalTools.run(
                Duration.ofMinutes(10),
                List.of(
                        "ffmpeg",
                        "-y",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=" + width + "x" + height + ":rate=25",
                        "-t",
                        "30",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-profile:v",
                        "high",
                        "-b:v",
                        mbits + "M",
                        "-maxrate",
                        mbits + "M",
                        "-bufsize",
                        2 * mbits + "M",
                        "-bf",
                        "0",
                        "-g",
                        "50",
                        "-keyint_min",
                        "50",
                        "-sc_threshold",
                        "0",
                        "-x264-params",
                        "nal-hrd=cbr",
                        "-an",
                        partial.toString()));
        Files.move(partial, file);
        return file;
    }
}
