package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ingest, three columns in one run: N cameras (1080p25 H.264, 4 Mbit/s, 2 s GOP) from one gst-rtsp-server, recorded
 * by Vigil with {@code engine: native}, by Vigil with {@code engine: ffmpeg}, then by N {@code ffmpeg -c copy}
 * processes (the baseline). Per column: CPU per camera (Vigil alone and with its object store; the simulator
 * excluded), RSS, segments, missing, the JIT settle used; for Vigil also the live listing delay and segment start vs
 * keyframe capture time of one camera. Not part of the Test command: {@code bench/run ingest}; sizes with
 * {@code -Dbench.ingest.cameras=50,100}, window {@code -Dbench.ingest.seconds=120}, engine columns
 * {@code -Dbench.ingest.engines=native,ffmpeg} ({@code default}: cameras.yml without {@code engine:}).
 */
class IngestBench {

    @Test
    void recordManyCamerasWithBothEnginesAgainstFfmpegCopy() throws Exception {
        ExternalTools.require();
        List<Integer> sizes = Stream.of(
                        System.getProperty("bench.ingest.cameras", "50,100").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        List<String> engines = Stream.of(System.getProperty("bench.ingest.engines", "native,ffmpeg")
                        .split(","))
                .map(String::trim)
                .toList();
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.ingest.seconds", "120")));
        Path input = IngestInputs.camera1080p(Path.of("target", "ingest-bench"), 4);
        List<Measured> results = new ArrayList<>();
        for (int n : sizes) {
            Map<String, Path> paths = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                paths.put(String.format("cam%03d", i), input);
            }
            List<String> ids = List.copyOf(paths.keySet());
            try (CameraSimulator cameras = CameraSimulator.withKeyframeLog(paths, Set.of(ids.get(0)))) {
                for (String engine : engines) {
                    results.add(print(new VigilRecording(engine, window, true, true).run(cameras, ids)));
                }
                results.add(print(new FfmpegCopyRecording(window).run(cameras, ids)));
                cameras.exited().ifPresent(exit -> {
                    throw new AssertionError(exit + "; the figures of this size are void");
                });
            }
        }
        IngestReport.write(results, engines, window);
    }

    private static Measured print(Measured m) {
        System.out.println("MEASURED " + m.column() + ", " + m.cameras() + " cameras: "
                + String.format(
                        "%.2f %%/camera (with store %.2f), RSS %.0f MiB (store %.0f), segments %d, missing %d / %.1f s, settle %s, %s",
                        m.cpuPerCamera(),
                        m.cpuWithStorePerCamera(),
                        m.rssMib(),
                        m.storeRssMib(),
                        m.segments(),
                        m.missingBySequence(),
                        m.uncoveredSeconds(),
                        m.settle() == null ? "-" : m.settle().summary(),
                        m.timeError() == null ? "" : m.timeError().summary()));
        return m;
    }
}
