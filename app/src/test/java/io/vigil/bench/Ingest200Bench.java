package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The capacity goal: 200 cameras of 1080p25 H.264 at 2 Mbit/s recorded by Vigil ({@code engine: native}) for 10
 * minutes on this machine, the camera simulator included in the CPU figures since it shares the two cores. Counts
 * missing segments by sequence and by time coverage. If the simulator cannot serve them all, says how many it
 * served, its CPU and what it printed, and whether its process died. Not part of the Test command:
 * {@code bench/run ingest-200}; {@code -Dbench.ingest200.cameras=200}, {@code -Dbench.ingest200.seconds=600},
 * {@code -Dbench.ingest200.engine=native}.
 */
class Ingest200Bench {

    @Test
    void recordTwoHundredCamerasForTenMinutes() throws Exception {
        ExternalTools.require();
        int n = Integer.parseInt(System.getProperty("bench.ingest200.cameras", "200"));
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.ingest200.seconds", "600")));
        String engine = System.getProperty("bench.ingest200.engine", "native");
        Path input = IngestInputs.camera1080p(Path.of("target", "ingest-bench"), 2);
        Map<String, Path> paths = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            paths.put(String.format("cam%03d", i), input);
        }
        List<String> ids = List.copyOf(paths.keySet());
        Measured m;
        String exit;
        try (CameraSimulator cameras = CameraSimulator.withKeyframeLog(paths, Set.of(ids.get(0)))) {
            m = new VigilRecording(engine, false, window, false, false, n).run(cameras, ids);
            exit = cameras.exited().orElse("");
        }
        double cores = Runtime.getRuntime().availableProcessors();
        double vigil = 100 * (m.cpu() + m.storeCpu()) / m.seconds();
        double simulator = 100 * m.simulatorCpu() / m.seconds();
        List<String> lines = List.of(
                "| cameras | recording before the window | with segments in it | segments | missing: by sequence / uncovered s | Vigil + store CPU % of a core "
                        + "(%/camera) | simulator CPU % of a core | together, % of the machine | RSS MiB (store) |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                String.format(
                        "| %d | %d | %d | %d | %d / %.1f | %.0f (%.2f) | %s | %s | %.0f (%.0f) |",
                        n,
                        m.recording(),
                        m.served(),
                        m.segments(),
                        m.missingBySequence(),
                        m.uncoveredSeconds(),
                        vigil,
                        vigil / n,
                        Double.isNaN(simulator) ? "- (it exited)" : String.format("%.0f", simulator),
                        Double.isNaN(simulator) ? "-" : String.format("%.0f", (vigil + simulator) / cores),
                        m.totalRssMib(),
                        m.storeRssMib()),
                "",
                "JIT settle: " + m.settle().summary() + ". Segment start vs keyframe capture time, cam000: "
                        + m.timeError().summary() + ".",
                "",
                "Simulator: " + (exit.isEmpty() || exit.equals("closed") ? "ran through the window" : exit) + ". "
                        + "It said: " + lastLines(m.simulator(), 15));
        BenchService.report(
                "Ingest, " + n + " cameras for " + window.toSeconds() + " s",
                "Each camera 1080p25 H.264 at 2 Mbit/s, 2 s GOP, from one gst-rtsp-server on the same machine, its CPU "
                        + "counted. Vigil (every camera `engine: " + engine
                        + "` in cameras.yml) as its own process, its "
                        + "object store in another; the window starts once the cameras record (or 2 min + 1 s per camera "
                        + "have passed) and the JIT has settled. Missing by sequence: holes in the sequence numbers "
                        + "plus whole 2 s segments expected and not written; uncovered: seconds of the window no segment covers, "
                        + "summed over cameras.",
                lines);
    }

    private static String lastLines(String text, int n) {
        List<String> all = text.lines().toList();
        return "\n\n```\n" + String.join("\n", all.subList(Math.max(0, all.size() - n), all.size())) + "\n```";
    }
}
