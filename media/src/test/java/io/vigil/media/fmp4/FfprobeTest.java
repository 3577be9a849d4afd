package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vigil.media.rtp.AccessUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end with the real FFmpeg: libx264 encodes 10 s of a test pattern at 25 fps (a keyframe a second, no
 * B-frames), the writer muxes it into an init segment and fragments, and ffprobe and ffmpeg must read every frame.
 */
class FfprobeTest {

    private static final int FRAMES = 250;
    private static final long FRAME_TICKS = InitSegment.VIDEO_TIMESCALE / 25;

    @TempDir
    static Path dir;

    private static List<AccessUnit> units;

    @BeforeAll
    static void encode() throws Exception {
        Path h264 = dir.resolve("in.h264");
        run(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-frames:v",
                "" + FRAMES,
                "-pix_fmt",
                "yuv420p",
                "-c:v",
                "libx264",
                "-bf",
                "0",
                "-g",
                "25",
                "-f",
                "h264",
                h264.toString());
        units = AnnexB.accessUnits(Files.readAllBytes(h264), FRAME_TICKS);
        assertEquals(FRAMES, units.size());
    }

    /** Fragments of 25 frames (a 1 s segment each) and of 5 frames (200 ms parts, five to a segment). */
    @ParameterizedTest(name = "{0} frames a fragment")
    @CsvSource({"25", "5"})
    void ffprobeReadsEveryFrameAndFfmpegDecodesWithoutError(int framesPerFragment) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(InitSegment.h264(units.get(0).parameterSets()));
        long sequence = 1;
        for (int first = 0; first < FRAMES; first += framesPerFragment) {
            List<Sample> samples = new ArrayList<>();
            for (AccessUnit unit : units.subList(first, first + framesPerFragment)) {
                samples.add(Sample.of(unit, FRAME_TICKS));
            }
            Fragment fragment = new Fragment(sequence++, units.get(first).rtpTimestamp(), samples);
            if (first % 25 == 0) {
                assertTrue(fragment.startsWithKeyframe(), "a segment's first part starts with a keyframe");
            }
            file.write(fragment.bytes());
        }
        Path mp4 = dir.resolve("out-" + framesPerFragment + ".mp4");
        Files.write(mp4, file.toByteArray());

        Map<String, String> stream = keyValues(run(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-count_frames",
                "-show_entries",
                "stream=codec_name,width,height,nb_read_frames,duration",
                "-of",
                "default=noprint_wrappers=1",
                mp4.toString()));
        assertEquals("h264", stream.get("codec_name"));
        assertEquals("320", stream.get("width"));
        assertEquals("240", stream.get("height"));
        assertEquals("" + FRAMES, stream.get("nb_read_frames"));
        double durationSeconds = Double.parseDouble(stream.get("duration"));
        assertEquals(10.0, durationSeconds, 0.04, "duration within one frame");

        assertEquals("", run("ffmpeg", "-v", "error", "-i", mp4.toString(), "-f", "null", "-"), "decode errors");
    }

    private static Map<String, String> keyValues(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] kv = line.trim().split("=", 2);
            if (kv.length == 2) {
                values.put(kv[0], kv[1]);
            }
        }
        return values;
    }

    /** Runs a tool to completion within a minute; its standard output and error together, or a failure. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(
                    command[0] + " not found: these tests need FFmpeg (apt-get install ffmpeg, brew install ffmpeg)");
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), Arrays.toString(command) + ": " + text);
        return text;
    }
}
