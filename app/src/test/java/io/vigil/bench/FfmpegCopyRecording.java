package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The baseline column of an ingest run: one {@code ffmpeg -rtsp_transport tcp -c copy -f hls -hls_segment_type fmp4}
 * process per camera writing to local disk, what most recorders run. The window starts once every camera has
 * finished a segment after its first (the first one closes at an arbitrary point of the GOP).
 */
record FfmpegCopyRecording(Duration window) {

    static final String COLUMN = "ffmpeg -c copy (CLI)";

    Measured run(CameraSimulator cameras, List<String> ids) throws Exception {
        Path work = Files.createTempDirectory("vigil-bench-ffmpeg");
        List<Process> processes = new ArrayList<>();
        try {
            for (String id : ids) {
                processes.add(
                        start(cameras.url(id), Files.createDirectories(work.resolve(id)), work.resolve(id + ".log")));
            }
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(60).plusSeconds(ids.size()).toNanos();
            while (ids.stream().anyMatch(id -> segmentFiles(work.resolve(id)) < 2)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("ffmpeg wrote no second segment for some camera in time; see " + work
                            + "\n" + cameras.report());
                }
                Thread.sleep(200);
            }
            List<Long> pids = processes.stream().map(Process::pid).toList();
            Map<String, Integer> before = new TreeMap<>();
            ids.forEach(id -> before.put(id, segmentFiles(work.resolve(id))));
            double cpu0 = ProcessMeter.cpuSeconds(pids);
            double simCpu0 = ProcessMeter.cpuSecondsIfAlive(cameras.pid());
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis()); // the measurement window itself
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double cpu = ProcessMeter.cpuSeconds(pids) - cpu0;
            double simCpu = ProcessMeter.cpuSecondsIfAlive(cameras.pid()) - simCpu0;
            double rss = ProcessMeter.rssMib(pids);
            long written = 0;
            int served = 0;
            long missing = 0;
            long expected = (long) Math.floor(elapsed / RecordedSegments.SEGMENT_SECONDS) - 1;
            for (String id : ids) {
                long n = (long) segmentFiles(work.resolve(id)) - before.get(id);
                written += n;
                served += n > 0 ? 1 : 0;
                missing += Math.max(0, expected - n);
            }
            return new Measured(
                    COLUMN,
                    ids.size(),
                    elapsed,
                    null,
                    cpu,
                    0,
                    simCpu,
                    rss,
                    0,
                    Double.NaN,
                    ids.size(),
                    served,
                    written,
                    missing,
                    Double.NaN,
                    List.of(),
                    null,
                    cameras.report());
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

    private static Process start(String url, Path out, Path log) throws Exception {
        return new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-rtsp_transport",
                        "tcp",
                        "-i",
                        url,
                        "-c",
                        "copy",
                        "-f",
                        "hls",
                        "-hls_segment_type",
                        "fmp4",
                        "-hls_time",
                        Integer.toString(RecordedSegments.SEGMENT_SECONDS),
                        "-hls_list_size",
                        "0",
                        "-hls_segment_filename",
                        out.resolve("%06d.m4s").toString(),
                        out.resolve("index.m3u8").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.toString().endsWith(".m4s")).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
