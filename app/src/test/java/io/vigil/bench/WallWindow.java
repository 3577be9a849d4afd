package io.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one configuration of the wall bench showed over its window: per tile the stream it played and the picture's
 * size, frames decoded and dropped ({@code getVideoPlaybackQuality()}, counted across a reconnect), bytes the browser
 * received for that camera (Resource Timing's {@code transferSize}: headers and bodies, playlists, init and media; and
 * the media bodies alone), the wall's live-edge jumps and reconnects, the latency samples and the picture heights seen at
 * the samples (0, no picture yet after a reconnect, left out); for the whole window the CPU and where Chromium's and Vigil's went.
 *
 * @param label    the configuration, e.g. {@code sub streams}
 * @param query    the wall's query, e.g. {@code ?stream=main}
 * @param seconds  the window, as the page measured it
 * @param tiles    one per tile, in the wall's order
 * @param cpu      Chromium, Vigil, the simulator, the machine over the window
 * @param threads  Chromium's CPU by process and thread, the busiest first
 * @param vigilThreads Vigil's CPU by thread, the busiest first
 */
record WallWindow(
        String label,
        String query,
        double seconds,
        List<Tile> tiles,
        WindowCpu cpu,
        List<ThreadProfile.Share> threads,
        List<ThreadProfile.Share> vigilThreads) {

    /** One tile over the window. */
    record Tile(
            String camera,
            String stream,
            int width,
            int height,
            long frames,
            long dropped,
            long transferBytes,
            long mediaBytes,
            int stalls,
            int liveJumps,
            int reconnects,
            List<Double> latencies,
            Set<Integer> heights) {

        double droppedRatio() {
            return frames == 0 ? Double.NaN : (double) dropped / frames;
        }
    }

    WallWindow {
        tiles = List.copyOf(tiles);
        threads = List.copyOf(threads);
        vigilThreads = List.copyOf(vigilThreads);
    }

    /** The figures from the probe's results ({@link WallPage#sample}). */
    static WallWindow of(
            String label,
            String query,
            Map<String, Object> results,
            WindowCpu cpu,
            List<ThreadProfile.Share> threads,
            List<ThreadProfile.Share> vigilThreads) {
        List<Map<String, Object>> requests = maps(results.get("requests"));
        List<Tile> tiles = new ArrayList<>();
        for (Map<String, Object> t : maps(results.get("tiles"))) {
            String camera = String.valueOf(t.get("camera"));
            List<Map<String, Object>> own = requests.stream()
                    .filter(r -> camera.equals(r.get("camera")))
                    .toList();
            List<Map<String, Object>> samples = maps(t.get("samples"));
            List<Double> latencies = samples.stream()
                    .filter(s -> s.get("latency") != null)
                    .map(s -> num(s.get("latency")))
                    .toList();
            Set<Integer> heights = samples.stream()
                    .map(s -> (int) num(s.get("height")))
                    .filter(h -> h > 0)
                    .collect(Collectors.toCollection(TreeSet::new));
            tiles.add(new Tile(
                    camera,
                    String.valueOf(t.get("stream")),
                    (int) num(t.get("width")),
                    (int) num(t.get("height")),
                    (long) num(t.get("frames")),
                    (long) num(t.get("dropped")),
                    own.stream().mapToLong(r -> (long) num(r.get("transfer"))).sum(),
                    own.stream()
                            .filter(r -> "media".equals(r.get("kind")))
                            .mapToLong(r -> (long) num(r.get("body")))
                            .sum(),
                    (int) num(t.get("stalls")),
                    (int) num(t.get("liveJumps")),
                    (int) num(t.get("reconnects")),
                    latencies,
                    heights));
        }
        return new WallWindow(label, query, num(results.get("seconds")), tiles, cpu, threads, vigilThreads);
    }

    long frames() {
        return tiles.stream().mapToLong(Tile::frames).sum();
    }

    long dropped() {
        return tiles.stream().mapToLong(Tile::dropped).sum();
    }

    /** Dropped frames over all tiles' frames. */
    double droppedRatio() {
        return frames() == 0 ? Double.NaN : (double) dropped() / frames();
    }

    /** The tile that dropped the largest share of its frames, of those with frames in the window (or the first). */
    Tile worstTile() {
        return tiles.stream()
                .filter(t -> t.frames() > 0)
                .max(java.util.Comparator.comparingDouble(Tile::droppedRatio))
                .orElse(tiles.get(0));
    }

    /** Tiles that decoded no frame in the window (between reconnects, or stalled throughout). */
    long withoutFrames() {
        return tiles.stream().filter(t -> t.frames() == 0).count();
    }

    /** Frames decoded per tile per second of the window (a camera sends 25). */
    double framesPerTileSecond() {
        return frames() / seconds / tiles.size();
    }

    /** Bytes a second the browser received for the tiles: headers and bodies of every camera request. */
    double bytesPerSecond() {
        return tiles.stream().mapToLong(Tile::transferBytes).sum() / seconds;
    }

    /** The same, media bodies only. */
    double mediaBytesPerSecond() {
        return tiles.stream().mapToLong(Tile::mediaBytes).sum() / seconds;
    }

    List<Double> latencies() {
        return tiles.stream().flatMap(t -> t.latencies().stream()).sorted().toList();
    }

    int stalls() {
        return tiles.stream().mapToInt(Tile::stalls).sum();
    }

    int liveJumps() {
        return tiles.stream().mapToInt(Tile::liveJumps).sum();
    }

    int reconnects() {
        return tiles.stream().mapToInt(Tile::reconnects).sum();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
