package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.ObjectKeys;
import io.vigil.archive.SegmentMetadata;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.e2e.TestAdmin;
import io.vigil.kernel.Sha256;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** One export: time to the first byte of the body, total time, bytes. */
    record Run(double firstByteMillis, double totalSeconds, long bytes) {}

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
            Instant end = store(context.getBean(ObjectStore.class), context.getBean(SegmentIndex.class), inputs, start);
            double storeSeconds = (System.nanoTime() - t0) / 1e9;
            URI clip = URI.create(base + "/api/cameras/" + CAMERA + "/clip.mp4?start=" + start + "&end=" + end);
            checkWithFfprobe(clip, work.resolve("check.mp4"), inputs.totalMillis() / 1000.0);
            List<Run> vigil = new ArrayList<>();
            List<Run> vigilCurl = new ArrayList<>();
            List<Run> ffmpeg = new ArrayList<>();
            for (int i = -1; i < RUNS; i++) {
                Run v = vigil(clip);
                Run c = vigilByCurl(clip);
                Run f = ffmpeg(inputs);
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

    /** Stores init and media segments as the recorder would (object, then row), one session 2 s segments apart. */
    private static Instant store(ObjectStore store, SegmentIndex index, ClipInputs inputs, Instant start)
            throws Exception {
        byte[] init = Files.readAllBytes(inputs.init());
        String initKey = ObjectKeys.initSegment(CAMERA, Sha256.of(init));
        store.put(initKey, init, "video/mp4", Map.of("vigil-camera", CAMERA, "vigil-codecs", "avc1.640028,mp4a.40.2"));
        index.initSegments().add(new InitSegment(initKey, CAMERA, init.length, "avc1.640028,mp4a.40.2", start));
        String session = "00000000-0000-0000-0000-00000000c11b";
        index.sessions().open(new RecordingSession(session, CAMERA, start, "h264", "aac"));
        Instant t = start;
        long sequence = 0;
        for (ClipInputs.Part part : inputs.segments()) {
            byte[] media = Files.readAllBytes(inputs.directory().resolve(part.fileName()));
            Segment s = new Segment(
                    CAMERA,
                    sequence,
                    session,
                    t,
                    (int) part.durationMillis(),
                    media.length,
                    ObjectKeys.mediaSegment(CAMERA, t, sequence),
                    initKey,
                    true,
                    Sha256.hex(Sha256.of(media)));
            store.put(s.objectKey(), media, "video/iso.segment", SegmentMetadata.of(s));
            index.add(s);
            t = s.end();
            sequence++;
        }
        return t;
    }

    /** The bench reads the response off the socket itself, as it reads ffmpeg's output off a pipe. */
    private static Run vigil(URI clip) throws Exception {
        RawHttpBody.Fetch f = RawHttpBody.get(clip);
        return new Run(f.firstByteMillis(), f.totalSeconds(), f.bodyBytes());
    }

    /**
     * curl fetches the clip to its stdout, which this JVM drains exactly as it drains ffmpeg's: both sides are an
     * outside process writing into the same pipe reader. (Counting with java.net.http in this JVM measured the
     * client: its selector thread took most of the CPU while Vigil's event loop idled.)
     */
    private static Run vigilByCurl(URI clip) throws Exception {
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
        Run run = drain(p.getInputStream(), t);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("curl " + clip + " failed with exit " + p.exitValue());
        }
        return run;
    }

    /** ffmpeg's concat protocol reads the files as one byte stream, exactly what the init and segments are. */
    private static Run ffmpeg(ClipInputs inputs) throws Exception {
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
        Run run = drain(p.getInputStream(), t);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("ffmpeg concat failed");
        }
        return run;
    }

    private static Run drain(InputStream in, long startNanos) throws Exception {
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
        return new Run((firstByte - startNanos) / 1e6, (done - startNanos) / 1e9, bytes);
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
            ClipInputs inputs, double storeSeconds, List<Run> vigil, List<Run> vigilCurl, List<Run> ffmpeg)
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

    private static String row(String name, List<Run> runs) {
        return String.format(
                "| %s | %.2f | %.0f | %.0f | %.0f |",
                name,
                median(runs.stream().mapToDouble(Run::totalSeconds).toArray()),
                throughput(runs),
                median(runs.stream().mapToDouble(Run::firstByteMillis).toArray()),
                runs.get(0).bytes() / 1e6);
    }

    private static double throughput(List<Run> runs) {
        return median(runs.stream()
                .mapToDouble(r -> r.bytes() / 1e6 / r.totalSeconds())
                .toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
