package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wall bench's section of docs/BENCHMARKS.md: the configurations side by side, their ratios, the goals. */
final class WallReport {

    /** The goals: dropped frames of the sub streams' tiles, their bytes against the main streams'. */
    static final double DROPPED_GOAL = 0.01;

    static final double BYTES_GOAL = 0.25;

    private WallReport() {}

    static void write(
            List<WallWindow> results,
            int seconds,
            String chromium,
            String hlsJs,
            ExternalTools.StreamClips clips,
            Map<String, Long> bitrates,
            JitSettle settle,
            String simulatorReport)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("| tiles play | picture | frames per tile per s | dropped / total frames | dropped %"
                + " (worst tile) | tiles over 1 % dropped (without a frame) | received MB/s (media bodies) | per tile"
                + " kbit/s | Chromium CPU % of a core | Vigil / simulator / other processes % of a core; machine %"
                + " | latency p50 / p95 s | stalls / live-edge jumps / reconnects |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (WallWindow w : results) {
            WallWindow.Tile worst = w.worstTile();
            List<Double> latencies = w.latencies();
            lines.add(String.format(
                    Locale.ROOT,
                    "| %d × %s | %dx%d | %.1f | %d / %d | %.2f (%s %.2f) | %d (%d) | %.2f (%.2f) | %.0f | %.0f"
                            + " | %.0f / %.0f / %.0f; %.0f | %.2f / %.2f | %d / %d / %d |",
                    w.tiles().size(),
                    w.label(),
                    w.tiles().get(0).width(),
                    w.tiles().get(0).height(),
                    w.framesPerTileSecond(),
                    w.dropped(),
                    w.frames(),
                    100 * w.droppedRatio(),
                    worst.camera(),
                    100 * worst.droppedRatio(),
                    w.tiles().stream()
                            .filter(t -> !(t.droppedRatio() < DROPPED_GOAL))
                            .count(),
                    w.withoutFrames(),
                    w.bytesPerSecond() / 1e6,
                    w.mediaBytesPerSecond() / 1e6,
                    8 * w.bytesPerSecond() / w.tiles().size() / 1000,
                    w.cpu().chromium(),
                    w.cpu().vigil(),
                    w.cpu().simulator(),
                    others(w.cpu()),
                    w.cpu().machine(),
                    percentile(latencies, 50) / 1000,
                    percentile(latencies, 95) / 1000,
                    w.stalls(),
                    w.liveJumps(),
                    w.reconnects()));
        }
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "The streams as Vigil measured them (`AVERAGE-BANDWIDTH` of the first camera's `master.m3u8`): main %.0f"
                        + " kbit/s, sub %.0f kbit/s (sub / main %.3f×): %d tiles need %.2f and %.2f MB/s of media.",
                bitrates.getOrDefault("main", 0L) / 1000.0,
                bitrates.getOrDefault("sub", 0L) / 1000.0,
                (double) bitrates.getOrDefault("sub", 0L) / Math.max(1, bitrates.getOrDefault("main", 0L)),
                results.isEmpty() ? 0 : results.get(0).tiles().size(),
                (results.isEmpty() ? 0 : results.get(0).tiles().size()) * bitrates.getOrDefault("main", 0L) / 8e6,
                (results.isEmpty() ? 0 : results.get(0).tiles().size()) * bitrates.getOrDefault("sub", 0L) / 8e6));
        lines.add("");
        lines.addAll(goals(results, bitrates));
        lines.add("");
        lines.add("Dropped frames per tile, %:");
        lines.add("");
        for (WallWindow w : results) {
            lines.add("- " + w.label() + ": "
                    + w.tiles().stream()
                            .map(t -> String.format(Locale.ROOT, "%s %.2f", t.camera(), 100 * t.droppedRatio()))
                            .collect(Collectors.joining(", ")));
        }
        lines.add("");
        lines.addAll(threads(results, "Chromium's", WallWindow::threads));
        lines.add("");
        lines.addAll(threads(results, "Vigil's", WallWindow::vigilThreads));
        lines.add("");
        lines.add("Simulator at the end: " + simulatorReport.lines().findFirst().orElse(""));
        BenchService.report(
                "Wall of " + (results.isEmpty() ? 0 : results.get(0).tiles().size())
                        + " tiles in Chromium, sub streams against main streams",
                String.format(
                        Locale.ROOT,
                        "Vigil as its own process (`engine: native`, embedded store, 1 GiB heap) records every camera's"
                                + " main stream (%s) and sub stream (%s; H.264 High, 25 fps, 2 s GOP, no B-frames) from"
                                + " one gst-rtsp-server on loopback, the cameras added a few at a time. %s headless"
                                + " (Selenium), its page 1920x1080, opens the console's own wall at %d tiles signed in as"
                                + " a viewer who sees those cameras: `#/wall` (its tiles play the sub streams, the"
                                + " wall's default for cameras that have one), `#/wall?stream=main` (every tile its"
                                + " main stream) and `#/wall?hls=plain` (the sub streams over plain HLS, for where the"
                                + " time goes) in the same run, each window once every tile has played its stream at"
                                + " that stream's height with frames decoded (first the sub streams' wall plays,"
                                + " not measured, until Vigil's JIT has settled as in the ingest bench: %s); the tiles"
                                + " play through the"
                                + " console's player (hls.js %s). Over each window of %d s: frames decoded and dropped"
                                + " per tile, `video.getVideoPlaybackQuality()` (totalVideoFrames, droppedVideoFrames;"
                                + " deltas, sampled every second, counted across a reconnect); bytes the browser"
                                + " received, from the page's Resource Timing entries of the camera routes started in"
                                + " the window (`transferSize`: headers and bodies of playlists, init segments, parts"
                                + " and segments as delivered; media bodies alone `encodedBodySize`; Vigil has no byte"
                                + " counter of its own); CPU from /proc over the window, Chromium all its processes"
                                + " (software decoding, `--disable-gpu`); latency as in the live latency bench"
                                + " (`Date.now()` − `hls.playingDate`, every second per tile). The machine is shared"
                                + " with other work.",
                        clips.main().getFileName(),
                        clips.sub().getFileName(),
                        chromium,
                        results.isEmpty() ? 0 : results.get(0).tiles().size(),
                        settle == null ? "no warm-up" : settle.summary(),
                        hlsJs,
                        seconds),
                lines);
    }

    /** Sub against main in this run, and the goals (computed, not asserted). */
    private static List<String> goals(List<WallWindow> results, Map<String, Long> bitrates) {
        WallWindow sub = find(results, "");
        WallWindow main = find(results, "?stream=main");
        if (sub == null || main == null) {
            return List.of("Goals: not computed (the run lacks the sub or the main streams' wall).");
        }
        double bytes = sub.bytesPerSecond() / main.bytesPerSecond();
        double streams = (double) bitrates.getOrDefault("sub", 0L) / Math.max(1, bitrates.getOrDefault("main", 0L));
        List<String> lines = new ArrayList<>(List.of(
                String.format(
                        Locale.ROOT,
                        "Sub against main streams, this run: bytes received %.3f× (media bodies %.3f×), Chromium CPU"
                                + " %.2f× (%.0f against %.0f %% of a core), frames dropped %.2f %% against %.2f %%,"
                                + " frames per tile per second %.1f against %.1f (the cameras send 25).",
                        bytes,
                        sub.mediaBytesPerSecond() / main.mediaBytesPerSecond(),
                        sub.cpu().chromium() / main.cpu().chromium(),
                        sub.cpu().chromium(),
                        main.cpu().chromium(),
                        100 * sub.droppedRatio(),
                        100 * main.droppedRatio(),
                        sub.framesPerTileSecond(),
                        main.framesPerTileSecond()),
                String.format(
                        Locale.ROOT,
                        "- Goal: %d sub-stream tiles with under 1 %% dropped frames: **%s**, %.2f %% over all tiles"
                                + " (worst tile %s %.2f %%).",
                        sub.tiles().size(),
                        sub.droppedRatio() < DROPPED_GOAL ? "met" : "missed",
                        100 * sub.droppedRatio(),
                        sub.worstTile().camera(),
                        100 * sub.worstTile().droppedRatio()),
                String.format(
                        Locale.ROOT,
                        "- Goal: at under a quarter of the main streams' bytes: **%s**, %.3f× as received (%.2f against"
                                + " %.2f MB/s; main tiles that fall behind receive less than their stream), %.3f× as the"
                                + " streams' average bit rates.",
                        bytes < BYTES_GOAL && streams < BYTES_GOAL ? "met" : "missed",
                        bytes,
                        sub.bytesPerSecond() / 1e6,
                        main.bytesPerSecond() / 1e6,
                        streams)));
        for (WallWindow other : results) {
            if (other != sub && other != main) {
                lines.add(String.format(
                        Locale.ROOT,
                        "- %s (`#/wall%s`), same run: %.2f %% dropped, %.1f frames per tile per second, Chromium %.0f %%"
                                + " of a core, Vigil %.0f %%, received %.2f MB/s.",
                        other.label(),
                        other.query(),
                        100 * other.droppedRatio(),
                        other.framesPerTileSecond(),
                        other.cpu().chromium(),
                        other.cpu().vigil(),
                        other.bytesPerSecond() / 1e6));
            }
        }
        return lines;
    }

    /** A process's CPU by process kind and thread, the busiest of each configuration, side by side. */
    private static List<String> threads(
            List<WallWindow> results, String whose, Function<WallWindow, List<ThreadProfile.Share>> shares) {
        Set<String> busiest = new LinkedHashSet<>();
        results.forEach(w -> shares.apply(w).stream().limit(8).forEach(s -> busiest.add(s.label())));
        List<String> lines = new ArrayList<>();
        lines.add("Where " + whose + " CPU went (% of a core over each window, by process and thread name, digits"
                + " left out; the busiest of each configuration):");
        lines.add("");
        lines.add("| process / thread | "
                + results.stream().map(WallWindow::label).collect(Collectors.joining(" | ")) + " |");
        lines.add("| --- |" + " ---: |".repeat(results.size()));
        for (String label : busiest) {
            lines.add("| " + label + " | "
                    + results.stream()
                            .map(w -> shares.apply(w).stream()
                                    .filter(s -> s.label().equals(label))
                                    .findFirst()
                                    .map(s -> String.format(Locale.ROOT, "%.1f", s.percent()))
                                    .orElse("0"))
                            .collect(Collectors.joining(" | "))
                    + " |");
        }
        return lines;
    }

    /** The CPU of every other process on the machine over the window, % of a core. */
    private static double others(WindowCpu cpu) {
        return cpu.machine() * Runtime.getRuntime().availableProcessors()
                - cpu.chromium()
                - cpu.vigil()
                - (Double.isNaN(cpu.simulator()) ? 0 : cpu.simulator());
    }

    /** The window of the configuration with this query. */
    private static WallWindow find(List<WallWindow> results, String query) {
        return results.stream().filter(w -> w.query().equals(query)).findFirst().orElse(null);
    }

    /** One line for the console: the window's figures. */
    static String summary(WallWindow w) {
        WallWindow.Tile worst = w.worstTile();
        List<Double> latencies = w.latencies();
        return w.label() + ": " + w.tiles().size() + " tiles; "
                + String.format(
                        Locale.ROOT,
                        "dropped %.2f %% of %d frames (worst %s, %.2f %%), %.1f frames/tile/s; received %.2f MB/s; CPU"
                                + " %% of a core: Chromium %.0f, Vigil %.0f, simulator %.0f, machine %.0f %%; latency"
                                + " p50/p95 %.0f/%.0f ms",
                        100 * w.droppedRatio(),
                        w.frames(),
                        worst.camera(),
                        100 * worst.droppedRatio(),
                        w.framesPerTileSecond(),
                        w.bytesPerSecond() / 1e6,
                        w.cpu().chromium(),
                        w.cpu().vigil(),
                        w.cpu().simulator(),
                        w.cpu().machine(),
                        percentile(latencies, 50),
                        percentile(latencies, 95))
                + "; stalls/jumps/reconnects " + w.stalls() + "/" + w.liveJumps() + "/" + w.reconnects()
                + "; busiest threads "
                + w.threads().stream()
                        .limit(6)
                        .map(t -> String.format(Locale.ROOT, "%s %.0f", t.label(), t.percent()))
                        .toList();
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : IngestReport.percentile(sorted, p);
    }
}
