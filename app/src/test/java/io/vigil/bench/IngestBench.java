package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import io.vigil.e2e.S3ServerProcess;
import io.vigil.e2e.ServiceProcess;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ingest: N cameras (1080p25 H.264, 4 Mbit/s, 2 s GOP) from one gst-rtsp-server, recorded for a while by Vigil
 * (its own process, with the object store in another), then by N {@code ffmpeg -c copy -f hls} processes writing
 * to local disk, the baseline most recorders run. Per camera: CPU (% of one core, from /proc; RTSP server
 * excluded; Vigil alone, and Vigil with its object store), resident memory, segments written and missing. Also
 * the live-listing delay of one camera. Not part of the Test command: {@code bench/run ingest}; sizes with
 * {@code -Dbench.ingest.cameras=10,25,50} and {@code -Dbench.ingest.seconds=120}.
 */
class IngestBench {

    private static final int SEGMENT_SECONDS = 2;

    record Result(
            int cameras,
            double seconds,
            double vigilCpu,
            double storeCpu,
            double vigilRssMib,
            double storeRssMib,
            long vigilSegments,
            long vigilMissing,
            double ffmpegSeconds,
            double ffmpegCpu,
            double ffmpegRssMib,
            long ffmpegSegments,
            long ffmpegMissing,
            List<Double> listingDelayMillis) {}

    @Test
    void recordManyCamerasAgainstFfmpegCopy() throws Exception {
        ExternalTools.require();
        List<Integer> sizes = Stream.of(
                        System.getProperty("bench.ingest.cameras", "10,25,50").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int seconds = Integer.parseInt(System.getProperty("bench.ingest.seconds", "120"));
        Path input = IngestInputs.camera1080p(Path.of("target", "ingest-bench"));
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Map<String, Path> paths = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                paths.put(String.format("cam%02d", i), input);
            }
            try (CameraSimulator cameras = new CameraSimulator(paths, Map.of())) {
                Result vigil = recordWithVigil(cameras, paths.keySet().stream().toList(), seconds);
                Result both = recordWithFfmpeg(cameras, paths.keySet().stream().toList(), seconds, vigil);
                results.add(both);
                System.out.println("MEASURED " + both);
            }
        }
        IngestReport.write(results, seconds);
    }

    private Result recordWithVigil(CameraSimulator cameras, List<String> ids, int seconds) throws Exception {
        Path work = Files.createTempDirectory("vigil-bench-ingest");
        try (S3ServerProcess store = new S3ServerProcess(work.resolve("s3"), CameraSimulator.freePort());
                ServiceProcess vigil = new ServiceProcess(
                        work,
                        CameraSimulator.freePort(),
                        List.of(
                                "-Xmx1g",
                                "-Dvigil.storage.endpoint=" + store.endpoint(),
                                "-Dvigil.storage.access-key=" + S3ServerProcess.ACCESS_KEY,
                                "-Dvigil.storage.secret-key=" + S3ServerProcess.SECRET_KEY,
                                "-Dvigil.retention.enabled=false"))) {
            Files.writeString(work.resolve("cameras.yml"), "cameras: []\n");
            vigil.start();
            for (String id : ids) {
                BenchService.registerCamera(vigil.base(), id, cameras.url(id), true);
            }
            HttpClient http = HttpClient.newHttpClient();
            awaitAllRecording(http, vigil.base(), ids);
            Thread.sleep(10_000); // settle: the first segments' uploads and JIT warm-up are not steady state
            Instant from = Instant.now();
            double vigilCpu0 = ProcessMeter.cpuSeconds(vigil.pid());
            double storeCpu0 = ProcessMeter.cpuSeconds(store.pid());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L); // the measurement window itself: nothing but recording
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double vigilCpu = ProcessMeter.cpuSeconds(vigil.pid()) - vigilCpu0;
            double storeCpu = ProcessMeter.cpuSeconds(store.pid()) - storeCpu0;
            double vigilRss = ProcessMeter.rssMib(vigil.pid());
            double storeRss = ProcessMeter.rssMib(store.pid());
            Instant to = Instant.now();
            // then, apart from the CPU window (its polling costs CPU too), how soon segments are listed
            List<Double> delays =
                    ListingDelay.watch(http, vigil.base(), ids.get(0), Duration.ofSeconds(Math.min(40, seconds)));
            long written = 0;
            long missing = 0;
            for (String id : ids) {
                long[] counted = countSegments(http, vigil.base(), id, from, to);
                written += counted[0];
                missing += Math.max(0, expected(elapsed) - counted[0]) + counted[1];
            }
            vigil.stop();
            return new Result(
                    ids.size(),
                    elapsed,
                    vigilCpu,
                    storeCpu,
                    vigilRss,
                    storeRss,
                    written,
                    missing,
                    0,
                    0,
                    0,
                    0,
                    0,
                    delays);
        } finally {
            BenchService.deleteTree(work);
        }
    }

    private Result recordWithFfmpeg(CameraSimulator cameras, List<String> ids, int seconds, Result vigil)
            throws Exception {
        Path work = Files.createTempDirectory("vigil-bench-ffmpeg");
        List<Process> processes = new ArrayList<>();
        try {
            for (String id : ids) {
                Path out = Files.createDirectories(work.resolve(id));
                processes.add(new ProcessBuilder(
                                "ffmpeg",
                                "-nostdin",
                                "-v",
                                "error",
                                "-rtsp_transport",
                                "tcp",
                                "-i",
                                cameras.url(id),
                                "-c",
                                "copy",
                                "-f",
                                "hls",
                                "-hls_segment_type",
                                "fmp4",
                                "-hls_time",
                                Integer.toString(SEGMENT_SECONDS),
                                "-hls_list_size",
                                "0",
                                "-hls_segment_filename",
                                out.resolve("%06d.m4s").toString(),
                                out.resolve("index.m3u8").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve(id + ".log").toFile())
                        .start());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ids.stream().anyMatch(id -> segmentFiles(work.resolve(id)).isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("ffmpeg wrote no segment for some camera within 60 s; see " + work);
                }
                Thread.sleep(200);
            }
            Thread.sleep(10_000);
            List<Long> pids = processes.stream().map(Process::pid).toList();
            Map<String, Integer> before = new TreeMap<>();
            ids.forEach(id -> before.put(id, segmentFiles(work.resolve(id)).size()));
            double cpu0 = ProcessMeter.cpuSeconds(pids);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L); // the measurement window itself
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double cpu = ProcessMeter.cpuSeconds(pids) - cpu0;
            double rss = ProcessMeter.rssMib(pids);
            long written = 0;
            long missing = 0;
            for (String id : ids) {
                long n = (long) segmentFiles(work.resolve(id)).size() - before.get(id);
                written += n;
                missing += Math.max(0, expected(elapsed) - n);
            }
            return new Result(
                    vigil.cameras(),
                    vigil.seconds(),
                    vigil.vigilCpu(),
                    vigil.storeCpu(),
                    vigil.vigilRssMib(),
                    vigil.storeRssMib(),
                    vigil.vigilSegments(),
                    vigil.vigilMissing(),
                    elapsed,
                    cpu,
                    rss,
                    written,
                    missing,
                    vigil.listingDelayMillis());
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            BenchService.deleteTree(work);
        }
    }

    /** Whole segments that fit in the window, less one for the boundaries. */
    private static long expected(double seconds) {
        return (long) Math.floor(seconds / SEGMENT_SECONDS) - 1;
    }

    private static List<Path> segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".m4s")).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static void awaitAllRecording(HttpClient http, String base, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/cameras"))
                                    .header("Authorization", TestAdmin.basic())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("\"state\":\"RECORDING\"").matcher(body);
            long recording = m.results().count();
            if (recording >= ids.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not every camera reached RECORDING within 120 s");
    }

    /** Segments of a camera starting in [from, to), and the holes in their sequence numbers. */
    private static long[] countSegments(HttpClient http, String base, String id, Instant from, Instant to)
            throws Exception {
        String playlist = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/cameras/" + id + "/playlist.m3u8?start="
                                        + from.plusSeconds(SEGMENT_SECONDS) + "&end=" + to))
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("segments/(\\d+)\\.m4s").matcher(playlist);
        long count = 0;
        long holes = 0;
        long previous = -1;
        while (m.find()) {
            long sequence = Long.parseLong(m.group(1));
            if (previous >= 0 && sequence > previous + 1) {
                holes += sequence - previous - 1;
            }
            previous = sequence;
            count++;
        }
        return new long[] {count, holes};
    }
}
