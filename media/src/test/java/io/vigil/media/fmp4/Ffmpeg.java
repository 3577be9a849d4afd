package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test code: runs FFmpeg's tools, and reads what ffprobe prints. */
final class Ffmpeg {

    private Ffmpeg() {}

    /** Runs a tool to completion within a minute; its standard output and error together, or a failure. */
    static String run(String... command) throws IOException, InterruptedException {
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

    /** Fails with how to get it when this machine's ffmpeg lacks an encoder (libx264, libx265, aac). */
    static void requireEncoder(String name) throws IOException, InterruptedException {
        if (!run("ffmpeg", "-hide_banner", "-encoders").contains(" " + name + " ")) {
            fail("ffmpeg has no " + name + " encoder: install an FFmpeg built with it (Debian's ffmpeg package is)");
        }
    }

    /** ffprobe's {@code stream=} entries of one stream ({@code v:0}, {@code a:0}), frames counted. */
    static Map<String, String> stream(Path file, String stream, String entries)
            throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : probe(file, stream, "-count_frames", "stream=" + entries)) {
            String[] kv = line.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    /** One line per packet of a stream, in decode order: the values of {@code entries} (e.g. pts,flags), commas. */
    static List<String> packets(Path file, String stream, String entries) throws IOException, InterruptedException {
        return probe(file, stream, "-show_packets", "packet=" + entries, "-of", "csv=p=0");
    }

    /** One value per decoded frame of a stream, in presentation order: its {@code entry} (e.g. pts). */
    static List<String> frames(Path file, String stream, String entry) throws IOException, InterruptedException {
        // the default format: a frame's side data (x264's SEI) comes in a section of its own, which this leaves out
        return probe(file, stream, "-show_frames", "frame=" + entry).stream()
                .filter(line -> line.startsWith(entry + "="))
                .map(line -> line.substring(entry.length() + 1))
                .toList();
    }

    /** What {@code ffmpeg -v error} says when it decodes every stream of a file: nothing, if it is clean. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        return run("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-");
    }

    private static List<String> probe(Path file, String stream, String show, String entries, String... format)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-select_streams", stream, show));
        command.addAll(List.of("-show_entries", entries));
        command.addAll(format.length > 0 ? List.of(format) : List.of("-of", "default=noprint_wrappers=1"));
        command.add(file.toString());
        return run(command.toArray(String[]::new))
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
