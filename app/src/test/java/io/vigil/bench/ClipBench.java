package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.e2e.TestAdmin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clip export speed: one hour of a 4 Mbit/s 1080p25 recording (2 s fMP4 segments made by ffmpeg, see
 * {@link ClipInputs}) stored through the service's own object store (MinIO SDK to the embedded S3
 * server) and exported as {@code clip.mp4} over HTTP. Baseline, measured alternately in the same run:
 * {@code ffmpeg -c copy} concatenating the same segment files from local disk into one fragmented MP4.
 * Vigil's body is read by this JVM off the loopback socket ({@link RawHttpBody}) and, as a second figure, by curl
 * into a pipe this JVM drains; ffmpeg's output is drained from its pipe the same way, so no side pays for writing
 * a file. Not part of the test suite: run with {@code bench/run clip}.
 */
class ClipBench {

    static final int MINUTES = Integer.getInteger("bench.clip.minutes", 60);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final String CAMERA = "bench";

    @Test
    void clipExport() throws Exception {
        Path cache = Path.of(System.getProperty("bench.clip.cache", "target/clip-bench"));
        ClipInputs inputs = ClipInputs.prepare(cache.toAbsolutePath(), MINUTES);
        Path work = Files.createTempDirectory("vigil-clip-bench");
        Instant start = LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC);
        try (EmbeddedServer server = BenchService.start(work)) {
            ApplicationContext context = server.getApplicationContext();
            String base = BenchService.baseUrl(server);
            BenchService.registerIdleCamera(base, CAMERA);
            long t0 = System.nanoTime();
            Instant end = inputs.store(
                    context.getBean(ObjectStore.class), context.getBean(SegmentIndex.class), CAMERA, start);
            double storeSeconds = (System.nanoTime() - t0) / 1e9;
            URI clip = URI.create(base + "/api/cameras/" + CAMERA + "/clip.mp4?start=" + start + "&end=" + end);
            checkWithFfprobe(clip, work.resolve("check.mp4"), inputs.totalMillis() / 1000.0);
            List<Transfer> vigil = new ArrayList<>();
            List<Transfer> vigilCurl = new ArrayList<>();
            List<Transfer> ffmpeg = new ArrayList<>();
            for (int i = -1; i < RUNS; i++) {
                Transfer v = vigil(clip);
                Transfer c = vigilByCurl(clip);
                Transfer f = ffmpeg(inputs);
                System.out.printf(
                        "clip run %d%s: Vigil %.2f s (first byte %.0f ms), Vigil by curl %.2f s, ffmpeg %.2f s "
                                + "(first byte %.0f ms)%n",
                        i + 1,
                        i < 0 ? " (warm-up)" : "",
                        v.totalSeconds(),
                        v.firstByteMillis(),
                        c.totalSeconds(),
                        f.totalSeconds(),
                        f.firstByteMillis());
                if (v.bytes() != c.bytes()) {
                    throw new AssertionError(
                            "the socket reader counted " + v.bytes() + " body bytes, curl " + c.bytes());
                }
                if (i >= 0) {
                    vigil.add(v);
                    vigilCurl.add(c);
                    ffmpeg.add(f);
                }
            }
            report(inputs, storeSeconds, vigil, vigilCurl, ffmpeg);
        } finally {
            BenchService.deleteTree(work);
        }
    }

    /** The bench reads the response off the socket itself, as it reads ffmpeg's output off a pipe. */
    private static Transfer vigil(URI clip) throws Exception {
        return Transfer.of(RawHttpBody.get(clip));
    }

    /**
     * curl fetches the clip to its stdout, which this JVM drains exactly as it drains ffmpeg's: both sides are an
     * outside process writing into the same pipe reader. (Counting with java.net.http in this JVM measured the
     * client: its selector thread took most of the CPU while Vigil's event loop idled.)
     */
    private static Transfer vigilByCurl(URI clip) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(
                        "curl",
                        "--silent",
                        "--show-error",
                        "--fail",
                        "--user",
                        TestAdmin.USERNAME + ":" + TestAdmin.PASSWORD,
                        "--output",
                        "-",
                        clip.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Transfer run = drain(p.getInputStream(), t);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("curl " + clip + " failed with exit " + p.exitValue());
        }
        return run;
    }

    /** ffmpeg's concat protocol reads the files as one byte stream, exactly what the init and segments are. */
    private static Transfer ffmpeg(ClipInputs inputs) throws Exception {
        StringJoiner concat = new StringJoiner("|", "concat:", "");
        concat.add("init.mp4");
        inputs.segments().forEach(p -> concat.add(p.fileName()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-i",
                        concat.toString(),
                        "-map",
                        "0",
                        "-c",
                        "copy",
                        "-f",
                        "mp4",
                        "-movflags",
                        "frag_keyframe+empty_moov",
                        "pipe:1")
                .directory(inputs.directory().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Transfer run = drain(p.getInputStream(), t);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("ffmpeg concat failed");
        }
        return run;
    }

    private static Transfer drain(InputStream in, long startNanos) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long firstByte = -1;
        long bytes = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (firstByte < 0 && n > 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
            }
        }
        long done = System.nanoTime();
        return new Transfer((firstByte - startNanos) / 1e6, (done - startNanos) / 1e9, bytes);
    }

    /** The bench must not win by producing garbage: one export, saved and probed. */
    private static void checkWithFfprobe(URI clip, Path file, double expectedSeconds) throws Exception {
        HttpResponse<Path> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(clip)
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
        if (r.statusCode() != 200) {
            throw new AssertionError(clip + " answered " + r.statusCode());
        }
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration:stream=codec_name",
                        "-of",
                        "default=noprint_wrappers=1",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset());
        p.waitFor();
        Files.delete(file);
        double duration = out.lines()
                .filter(l -> l.startsWith("duration="))
                .mapToDouble(l -> Double.parseDouble(l.substring(9)))
                .findFirst()
                .orElse(-1);
        if (!out.contains("codec_name=h264")
                || !out.contains("codec_name=aac")
                || Math.abs(duration - expectedSeconds) > 2.1) {
            throw new AssertionError("clip is not " + expectedSeconds + " s of h264 + aac; ffprobe says:\n" + out);
        }
    }

    private static void report(
            ClipInputs inputs,
            double storeSeconds,
            List<Transfer> vigil,
            List<Transfer> vigilCurl,
            List<Transfer> ffmpeg)
            throws Exception {
        double inputMb = inputs.totalBytes() / 1e6;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "input: %d min, %,d segments + init, %.0f MB (%.1f Mbit/s), stored through the MinIO SDK in %.0f s",
                MINUTES,
                inputs.segments().size(),
                inputMb,
                inputMb * 8 / (inputs.totalMillis() / 1000.0),
                storeSeconds));
        lines.add("| export of the whole recording | median s | MB/s | first byte ms | output MB |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        lines.add(row("Vigil `clip.mp4` over HTTP, read off the socket by the bench", vigil));
        lines.add(row("Vigil `clip.mp4` over HTTP, fetched by `curl` to a pipe", vigilCurl));
        lines.add(row("baseline: `ffmpeg -c copy`, concat of the local segment files, to a pipe", ffmpeg));
        lines.add(String.format(
                "%nratio Vigil / ffmpeg throughput: %.2f× (with curl as the client: %.2f×)",
                throughput(vigil) / throughput(ffmpeg), throughput(vigilCurl) / throughput(ffmpeg)));
        BenchService.report(
                "Clip export",
                String.format(
                        "Medians of %d runs after 1 warm-up, the three alternating; "
                                + "the embedded store (files read directly, `vigil.storage.embedded-local-reads`). Vigil's body is read by the "
                                + "bench straight off the loopback socket (1 MiB reads, counted, not copied) and, as a second figure, by "
                                + "`curl` into a pipe the bench drains; ffmpeg writes `-f mp4 -movflags frag_keyframe+empty_moov` into a "
                                + "pipe the bench drains the same way. MB/s = output bytes / total time.",
                        RUNS),
                lines);
    }

    private static String row(String name, List<Transfer> runs) {
        return String.format(
                "| %s | %.2f | %.0f | %.0f | %.0f |",
                name,
                Transfer.median(runs, Transfer::totalSeconds),
                throughput(runs),
                Transfer.median(runs, Transfer::firstByteMillis),
                runs.get(0).bytes() / 1e6);
    }

    private static double throughput(List<Transfer> runs) {
        return Transfer.median(runs, Transfer::megabytesPerSecond);
    }
}
