package io.vigil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ingest bench's tables (appended to docs/BENCHMARKS.md) and its scaling plot (docs/ingest-scaling.png). */
final class IngestReport {

    private IngestReport() {}

    static void write(List<Measured> results, List<String> engines, Duration window, int batch) throws Exception {
        Map<String, List<Measured>> byColumn = new LinkedHashMap<>();
        results.forEach(m ->
                byColumn.computeIfAbsent(m.column(), c -> new ArrayList<>()).add(m));
        List<String> lines = new ArrayList<>();
        lines.add(
                "| cameras | recorder | JIT settle s | CPU %/camera | with its store | ratio to CLI (with store) "
                        + "| RSS MiB (store) | MiB/camera | live heap MiB/camera | segments | missing: by sequence / uncovered s |");
        lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Measured m : results) {
            Measured cli = m.column().endsWith(VigilRecording.MAIN_AND_SUB) ? null : baseline(results, m.cameras());
            lines.add(String.format(
                    "| %d | %s | %s | %.2f | %.2f | %s | %.0f (%.0f) | %.1f | %s | %d | %d / %s |",
                    m.cameras(),
                    m.column(),
                    m.settle() == null
                            ? "-"
                            : m.settle().waited().toSeconds() + (m.settle().bounded() ? " (bound)" : ""),
                    m.cpuPerCamera(),
                    m.cpuWithStorePerCamera(),
                    cli == null ? "-" : String.format("%.2f×", m.cpuWithStorePerCamera() / cli.cpuPerCamera()),
                    m.totalRssMib(),
                    m.storeRssMib(),
                    m.totalRssMib() / m.cameras(),
                    Double.isNaN(m.liveHeapMib()) ? "-" : String.format("%.2f", m.liveHeapMib() / m.cameras()),
                    m.segments(),
                    m.missingBySequence(),
                    Double.isNaN(m.uncoveredSeconds()) ? "-" : String.format("%.1f", m.uncoveredSeconds())));
        }
        lines.addAll(SubStreamCost.lines(results));
        lines.add("");
        lines.add(
                "Memory, the recorder with its store (for the CLI: all its processes), from the smallest to the largest size:");
        lines.add("");
        lines.add("| recorder | base RSS MiB | marginal RSS MiB per added camera |");
        lines.add("| --- | ---: | ---: |");
        byColumn.forEach((column, runs) -> {
            Measured small = runs.get(0);
            Measured large = runs.get(runs.size() - 1);
            if (large.cameras() > small.cameras()) {
                double slope = (large.totalRssMib() - small.totalRssMib()) / (large.cameras() - small.cameras());
                lines.add(String.format(
                        "| %s | %.0f | %.2f |", column, small.totalRssMib() - slope * small.cameras(), slope));
            } else {
                lines.add("| " + column + " | - (one size only) | - |");
            }
        });
        lines.add("");
        lines.add("Segment wall-clock start (ranged playlist) minus the capture time of the keyframe it begins with, "
                + "as the simulator's clock dates it (the time its RTCP sender reports map that frame's RTP timestamp to), "
                + "camera cam000:");
        lines.add("");
        for (Measured m : results) {
            if (m.timeError() != null) {
                lines.add("- " + m.column() + ", " + m.cameras() + " cameras: "
                        + m.timeError().summary());
            }
        }
        byColumn.forEach((column, runs) -> {
            List<Double> delays = runs.stream()
                    .flatMap(m -> m.listingDelayMillis().stream())
                    .sorted()
                    .toList();
            if (!delays.isEmpty()) {
                lines.add(String.format(
                        "- Live listing delay, %s (camera cam000, %d segments, from the capture time of a segment's last frame "
                                + "to its first appearance in live.m3u8, polled every 100 ms): p50 %.0f ms, p95 %.0f ms, max %.0f ms.",
                        column,
                        delays.size(),
                        percentile(delays, 50),
                        percentile(delays, 95),
                        delays.get(delays.size() - 1)));
            }
        });
        lines.add("");
        // a scaling plot needs two sizes: a run of one size leaves the last one as it was
        boolean plot = results.stream().map(Measured::cameras).distinct().count() > 1;
        lines.add(
                plot
                        ? "Plot: [ingest-scaling.png](ingest-scaling.png)."
                        : "No plot: one size only (docs/ingest-scaling.png is an earlier run's).");
        boolean subs = results.stream().anyMatch(m -> m.column().endsWith(VigilRecording.MAIN_AND_SUB));
        BenchService.report(
                "Ingest, engines " + String.join(" and ", engines) + (subs ? ", native main + sub," : "")
                        + " against the ffmpeg CLI",
                "Each camera 1080p25 H.264 at 4 Mbit/s, 2 s GOP, from one gst-rtsp-server (its CPU excluded). "
                        + "Columns in one run, on the same simulator: Vigil with every camera `engine: <engine>` in "
                        + "cameras.yml (given to Vigil " + batch
                        + " cameras at a time, each batch recording before the next)"
                        + (subs
                                ? ", Vigil with every camera's sub stream too (`"
                                        + VigilRecording.MAIN_AND_SUB.substring(2)
                                        + "`: `streams.sub`, 640x360 H.264 at 400 kbit/s, same GOP, from the same"
                                        + " simulator; at the sizes where it has a row)"
                                : "")
                        + ", then one `ffmpeg -rtsp_transport tcp -c copy -f hls -hls_segment_type fmp4 "
                        + "-hls_time 2` process per camera to local disk. Vigil runs as its own process with the object "
                        + "store (the s3proxy it embeds) in another, measured apart; its window of "
                        + window.toSeconds()
                        + " s starts once every camera records and the JIT has settled (compilation time, `jstat -compiler`, grew by at most 1 % of the last "
                        + VigilRecording.JIT_QUIET.toSeconds() + " s; at most "
                        + VigilRecording.JIT_BOUND.toMinutes() + " min); the CLI's once each camera has closed a "
                        + "segment. CPU from /proc utime+stime over the window; RSS at its end. Missing by sequence: "
                        + "holes in the sequence numbers plus whole 2 s segments expected in the window and not "
                        + "written; uncovered: seconds of the window no segment covers (every stream's). Live heap: "
                        + "Vigil's heap in use right after a full collection (`jcmd GC.run`, then `jstat -gc`) at the "
                        + "window's end, what its data takes, unlike its RSS, which grows towards the heap it was given.",
                lines);
        if (plot) {
            IngestPlot.write(byColumn);
        }
    }

    private static Measured baseline(List<Measured> results, int cameras) {
        return results.stream()
                .filter(m -> m.cameras() == cameras && m.column().equals(FfmpegCopyRecording.COLUMN))
                .findFirst()
                .orElse(null);
    }

    static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
