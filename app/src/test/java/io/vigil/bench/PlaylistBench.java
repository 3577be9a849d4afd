package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Playlist and timeline speed over a synthetic index of 20 cameras x 7 days of 2 s segments (about
 * 6 M rows in H2). Baseline, measured in the same run: reading the same rows with bare JDBC, which
 * any playlist built from the index must do. Not part of the test suite: run with {@code bench/run playlist}.
 */
class PlaylistBench {

    static final int CAMERAS = Integer.getInteger("bench.cameras", 20);
    static final int DAYS = Integer.getInteger("bench.days", 7);
    static final int RUNS = Integer.getInteger("bench.runs", 30);
    static final int WARM_UPS = Integer.getInteger("bench.warm-ups", 10);
    static final long SEGMENT_MILLIS = 2000;

    @Test
    void playlistAndTimeline() throws Exception {
        Path work = Files.createTempDirectory("vigil-bench");
        Instant end = LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant start = end.minusSeconds(DAYS * 86_400L);
        try {
            try (EmbeddedServer server = BenchService.start(work)) {
                ApplicationContext context = server.getApplicationContext();
                DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
                        context.getBean(DataSource.class));
                long t0 = System.nanoTime();
                long rows = fill(ds, start, end);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                String base = BenchService.baseUrl(server);
                for (int c = 0; c < CAMERAS; c++) {
                    BenchService.registerIdleCamera(base, "cam" + c);
                }
                Instant dayStart = end.minusSeconds(86_400);
                Instant hourStart = end.minusSeconds(3600);
                List<String> lines = new ArrayList<>();
                lines.add(String.format(
                        "index: %d cameras x %d days = %,d segment rows (filled in %.0f s)",
                        CAMERAS, DAYS, rows, fillSeconds));
                lines.add("| request | p50 ms | p95 ms | baseline: bare JDBC read of the rows, p50 ms | ratio p50 |");
                lines.add("| --- | ---: | ---: | ---: | ---: |");
                lines.add(row(
                        "24 h playlist (43,200 segments)",
                        http(base, "playlist.m3u8", dayStart, end, "#EXTINF:", 43_200),
                        jdbc(ds, "cam7", dayStart, end, true)));
                lines.add(row(
                        "1 h playlist (1,800 segments)",
                        http(base, "playlist.m3u8", hourStart, end, "#EXTINF:", 1_800),
                        jdbc(ds, "cam7", hourStart, end, true)));
                lines.add(row(
                        DAYS + "-day timeline (" + String.format("%,d", DAYS * 43_200) + " segments)",
                        http(base, "timeline", start, end, "{\"start\"", DAYS),
                        jdbc(ds, "cam7", start, end, false)));
                lines.add("");
                lines.addAll(throughput(base, hourStart, end));
                BenchService.report(
                        "Playlist and timeline",
                        "Times are client-observed on loopback (server time plus transfer), " + RUNS + " runs after "
                                + WARM_UPS + " warm-ups.",
                        lines);
            }
        } finally {
            BenchService.deleteTree(work);
        }
    }

    /**
     * Requests per second with 16 concurrent clients (wrk, 2 threads, 20 s) for one 1 h playlist, against the same
     * wrk on the cheapest route Vigil has (the export public key: no database, 113 bytes), both signed in.
     */
    private static List<String> throughput(String base, Instant from, Instant to) throws Exception {
        String playlist = base + "/api/cameras/cam7/playlist.m3u8?start=" + from + "&end=" + to;
        double playlists = wrk(playlist);
        double trivial = wrk(base + "/api/keys/export-signing");
        return List.of(
                "| wrk, 16 connections, 20 s | requests/s |",
                "| --- | ---: |",
                String.format("| 1 h playlist (1,800 segments), the same range every time | %,.0f |", playlists),
                String.format("| baseline: `/api/keys/export-signing` (113 bytes, no database) | %,.0f |", trivial),
                "",
                String.format("ratio 1 h playlists / baseline: %.2f", playlists / trivial));
    }

    private static double wrk(String url) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c16",
                            "-d20s",
                            "--latency",
                            "-H",
                            "Authorization: " + TestAdmin.basic(),
                            url)
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            throw new AssertionError("the playlist bench needs wrk: sudo apt-get install -y wrk", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.contains("Requests/sec:")) {
            throw new AssertionError("wrk failed: " + out);
        }
        if (out.contains("Non-2xx")) {
            throw new AssertionError("wrk saw errors: " + out);
        }
        System.out.println(out);
        String rps = out.substring(out.indexOf("Requests/sec:") + 13).trim().split("\\s+")[0];
        return Double.parseDouble(rps);
    }

    private static long fill(DataSource ds, Instant start, Instant end) throws Exception {
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO segment (camera_id, sequence, session_id, start_millis, "
                            + "duration_millis, size_bytes, object_key, init_key, keyframe_start, sha256) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int cam = 0; cam < CAMERAS; cam++) {
                    String camera = "cam" + cam;
                    long seq = 0;
                    for (long t = start.toEpochMilli(); t < end.toEpochMilli(); t += SEGMENT_MILLIS) {
                        ps.setString(1, camera);
                        ps.setLong(2, seq);
                        ps.setString(3, "session-" + camera + "-" + (seq / 43_200));
                        ps.setLong(4, t);
                        ps.setInt(5, (int) SEGMENT_MILLIS);
                        ps.setLong(6, 1_000_000);
                        ps.setString(7, camera + "/2026/11/20/10/" + t + "-" + seq + ".m4s");
                        ps.setString(8, camera + "/init/00112233445566778899aabbccddeeff.mp4");
                        ps.setBoolean(9, true);
                        ps.setString(10, "0".repeat(64));
                        ps.addBatch();
                        seq++;
                        if (++rows % 10_000 == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            fillSpans(c, start, end);
        }
        return rows;
    }

    /** The recorded spans SegmentIndex would have kept: one per session, that is per camera and day. */
    private static void fillSpans(Connection c, Instant start, Instant end) throws Exception {
        long perSession = 43_200;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_span (camera_id, first_sequence, "
                + "last_sequence, session_id, start_millis, end_millis) VALUES (?,?,?,?,?,?)")) {
            long segments = (end.toEpochMilli() - start.toEpochMilli()) / SEGMENT_MILLIS;
            for (int cam = 0; cam < CAMERAS; cam++) {
                for (long first = 0; first < segments; first += perSession) {
                    long last = Math.min(segments, first + perSession) - 1;
                    ps.setString(1, "cam" + cam);
                    ps.setLong(2, first);
                    ps.setLong(3, last);
                    ps.setString(4, "session-cam" + cam + "-" + (first / perSession));
                    ps.setLong(5, start.toEpochMilli() + first * SEGMENT_MILLIS);
                    ps.setLong(6, start.toEpochMilli() + (last + 1) * SEGMENT_MILLIS);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** Each run asks for a range 1 ms different, so no cache (H2's query cache included) answers a repeat. */
    /**
     * Times {@code RUNS} requests; every answer must hold {@code expected} times {@code marker}, so a fast but
     * incomplete answer fails the benchmark (every segment listed; one timeline span per day-long session, no gap).
     */
    private static double[] http(String base, String what, Instant from, Instant to, String marker, int expected)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] ms = new double[RUNS];
        for (int i = -WARM_UPS; i < RUNS; i++) {
            String url = base + "/api/cameras/cam7/" + what + "?start=" + from.plusMillis(i + WARM_UPS) + "&end=" + to;
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", TestAdmin.basic())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            if (r.statusCode() != 200) {
                throw new AssertionError(url + " answered " + r.statusCode() + ": " + r.body());
            }
            int found = 0;
            for (int at = r.body().indexOf(marker); at >= 0; at = r.body().indexOf(marker, at + 1)) {
                found++;
            }
            if (found != expected) {
                throw new AssertionError(url + " listed " + found + " x " + marker + ", expected " + expected);
            }
        }
        System.out.println(what + " " + Duration.between(from, to).toHours() + " h, ms: " + Arrays.toString(ms));
        return ms;
    }

    private static double[] jdbc(DataSource ds, String camera, Instant from, Instant to, boolean allColumns)
            throws Exception {
        String columns = allColumns
                ? "camera_id, sequence, session_id, start_millis, duration_millis, size_bytes, object_key, "
                        + "init_key, keyframe_start, sha256"
                : "session_id, start_millis, duration_millis";
        double[] ms = new double[RUNS];
        for (int i = -WARM_UPS; i < RUNS; i++) {
            long t = System.nanoTime();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT " + columns
                                    + " FROM segment WHERE camera_id = ? AND start_millis >= ? AND start_millis < ? ORDER BY start_millis")) {
                ps.setString(1, camera);
                ps.setLong(2, from.toEpochMilli() + i + WARM_UPS);
                ps.setLong(3, to.toEpochMilli());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        return ms;
    }

    private static String row(String name, double[] measured, double[] baseline) {
        double p50 = percentile(measured, 50);
        double base = percentile(baseline, 50);
        return String.format(
                "| %s | %.1f | %.1f | %.1f | %.1f |", name, p50, percentile(measured, 95), base, p50 / base);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
