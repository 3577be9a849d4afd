package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.ExternalTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ingest, columns in one run: N cameras (1080p25 H.264, 4 Mbit/s, 2 s GOP) from one gst-rtsp-server, recorded by
 * Vigil with {@code engine: native}, by Vigil with {@code engine: ffmpeg}, at some sizes by Vigil with
 * {@code engine: native} and every camera's sub stream too (main + sub: 640x360 at 400 kbit/s, same GOP), then by N
 * {@code ffmpeg -c copy} processes (the baseline). Per column: CPU per camera (Vigil alone and with its object store;
 * the simulator excluded), RSS and live heap, segments, missing, the JIT settle used; for Vigil also the live listing
 * delay and segment start vs keyframe capture time of one camera. Not part of the Test command:
 * {@code bench/run ingest}; sizes with {@code -Dbench.ingest.cameras=50,100}, window
 * {@code -Dbench.ingest.seconds=120}, engine columns {@code -Dbench.ingest.engines=native,ffmpeg} ({@code default}:
 * cameras.yml without {@code engine:}), the sizes with a main + sub column {@code -Dbench.ingest.sub-cameras=50}
 * ({@code none}: no such column), cameras added to Vigil's cameras file at a time {@code -Dbench.ingest.batch=10}.
 */
class IngestBench {

    @Test
    void recordManyCamerasWithBothEnginesAgainstFfmpegCopy() throws Exception {
        ExternalTools.require();
        List<Integer> sizes = ints(System.getProperty("bench.ingest.cameras", "50,100"));
        List<String> engines = Stream.of(System.getProperty("bench.ingest.engines", "native,ffmpeg")
                        .split(","))
                .map(String::trim)
                .toList();
        String subSizes = System.getProperty("bench.ingest.sub-cameras", "50").trim();
        Set<Integer> withSub = subSizes.equals("none") || subSizes.isEmpty() ? Set.of() : Set.copyOf(ints(subSizes));
        int batch = Integer.getInteger("bench.ingest.batch", 10);
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.ingest.seconds", "120")));
        Path inputs = Path.of("target", "ingest-bench");
        ExternalTools.StreamClips clips = new ExternalTools.StreamClips(
                IngestInputs.camera1080p(inputs, 4), ExternalTools.subStreamClip(inputs, 50));
        List<Measured> results = new ArrayList<>();
        for (int n : sizes) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(String.format("cam%03d", i));
            }
            Map<String, Path> paths =
                    CameraSimulator.streamPaths(ids, withSub.contains(n) ? new HashSet<>(ids) : Set.of(), clips);
            try (CameraSimulator cameras = CameraSimulator.withKeyframeLog(paths, Set.of(ids.get(0)))) {
                VigilRecording mainAndSub = new VigilRecording("native", true, window, false, true, batch);
                for (String engine : engines) {
                    results.add(print(new VigilRecording(engine, false, window, true, true, batch).run(cameras, ids)));
                    if (engine.equals("native") && withSub.contains(n)) { // beside its baseline, main only
                        results.add(print(mainAndSub.run(cameras, ids)));
                    }
                }
                if (!engines.contains("native") && withSub.contains(n)) {
                    results.add(print(mainAndSub.run(cameras, ids)));
                }
                results.add(print(new FfmpegCopyRecording(window).run(cameras, ids)));
                cameras.exited().ifPresent(exit -> {
                    throw new AssertionError(exit + "; the figures of this size are void");
                });
            }
        }
        IngestReport.write(results, engines, window, batch);
    }

    private static List<Integer> ints(String list) {
        return Stream.of(list.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    private static Measured print(Measured m) {
        System.out.println("MEASURED " + m.column() + ", " + m.cameras() + " cameras: "
                + String.format(
                        "%.2f %%/camera (with store %.2f), RSS %.0f MiB (store %.0f), live heap %.0f MiB, segments %d,"
                                + " missing %d / %.1f s, settle %s, %s",
                        m.cpuPerCamera(),
                        m.cpuWithStorePerCamera(),
                        m.rssMib(),
                        m.storeRssMib(),
                        m.liveHeapMib(),
                        m.segments(),
                        m.missingBySequence(),
                        m.uncoveredSeconds(),
                        m.settle() == null ? "-" : m.settle().summary(),
                        m.timeError() == null ? "" : m.timeError().summary()));
        return m;
    }
}
