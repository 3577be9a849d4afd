package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.e2e.TestAdmin;
import io.vigil.kernel.database.Database;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Activity series speed: one camera's 7 days of 2 s segments (302,400) added through the real index
 * ({@code SegmentIndex.add}, which keeps spans and minute totals in the same transaction) in the service's H2 file
 * database, then the 7-day series (minute totals) and a 1-hour one (segments) timed over HTTP, against the timeline
 * of the same ranges in the same run (recorded spans: the cheapest history read there is). Also the V27 back-fill
 * statement over those rows. Goal: 7 days at most 50 ms p95. Not part of the test suite: {@code bench/run activity}.
 */
class ActivityBench {

    static final int DAYS = Integer.getInteger("bench.activity.days", 7);
    static final int RUNS = Integer.getInteger("bench.runs", 50);
    static final int WARM_UPS = Integer.getInteger("bench.warm-ups", 10);
    static final long SEGMENT_MILLIS = 2000;
    static final int PER_TRANSACTION = 100;
    static final String CAMERA = "cam0";
    /**
     * Each run asks for a range this much earlier than the one before: a minute and a millisecond, so that the minute
     * totals read differ every time (a repeat could be answered from H2's cache of query results, which a recording
     * camera's next segment would empty in the service anyway).
     */
    static final long SHIFT_MILLIS = 60_001;
    /** Footage recorded before the week asked for, for the shifted ranges. */
    static final long LEAD_SECONDS = 70 * 60;

    @Test
    void activitySeries() throws Exception {
        Path work = Files.createTempDirectory("vigil-bench-activity");
        Instant end = LocalDate.of(2026, 12, 7).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant start = end.minusSeconds(DAYS * 86_400L);
        try (EmbeddedServer server = BenchService.start(work)) {
            ApplicationContext context = server.getApplicationContext();
            String base = BenchService.baseUrl(server);
            BenchService.registerIdleCamera(base, CAMERA);
            String loadBefore = load();
            Database db = context.getBean(Database.class);
            SegmentIndex index = context.getBean(SegmentIndex.class);
            long t0 = System.nanoTime();
            long rows = fill(db, index, start.minusSeconds(LEAD_SECONDS), end);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            double backfillMillis = backfill(db);
            Instant hourStart = end.minusSeconds(3600);
            int buckets = 2000;
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    "index: 1 camera x %d days and %d minutes = %,d segment rows of 2 s, added through SegmentIndex.add (%d per"
                            + " transaction) in %.0f s (%.0f us a segment, spans and minute totals included); the V27"
                            + " back-fill statement over them: %.0f ms",
                    DAYS,
                    LEAD_SECONDS / 60,
                    rows,
                    PER_TRANSACTION,
                    fillSeconds,
                    fillSeconds * 1e6 / rows,
                    backfillMillis));
            lines.add(
                    "| request | p50 ms | p95 ms | baseline: timeline of the same range, p50 ms | p95 ms | ratio p50 |");
            lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
            lines.add(row(
                    DAYS + "-day activity, " + buckets + " buckets (minute totals: " + String.format("%,d", DAYS * 1440)
                            + " rows)",
                    http(base, "activity", start, end, "&buckets=" + buckets, "\"level\":", buckets),
                    http(base, "timeline", start, end, "", "{\"start\"", DAYS)));
            lines.add(row(
                    DAYS + "-day activity, default 288 buckets",
                    http(base, "activity", start, end, "", "\"level\":", 288),
                    http(base, "timeline", start, end, "", "{\"start\"", DAYS)));
            lines.add(row(
                    DAYS + "-day activity, 2000 buckets, in process: the controller's call without HTTP and JSON",
                    inProcess(context.getBean(io.vigil.playback.ActivityController.class), start, end, buckets),
                    http(base, "timeline", start, end, "", "{\"start\"", DAYS)));
            lines.add(row(
                    "1 h activity, 2000 buckets (1,800 segments; the median from 1,440 minute totals)",
                    http(base, "activity", hourStart, end, "&buckets=" + buckets, "\"level\":", buckets),
                    http(base, "timeline", hourStart, end, "", "{\"start\"", 1)));
            lines.add("");
            lines.add("load average (1 min) before the fill " + loadBefore + ", after the last request " + load()
                    + " (other processes share the 2 cores)");
            BenchService.report(
                    "Activity series",
                    "Times are client-observed on loopback (server time plus transfer), " + RUNS + " runs after "
                            + WARM_UPS + " warm-ups, each range a minute and a millisecond earlier than the one before"
                            + " (no cache answers a repeat). Goal: 7 days at most 50 ms p95.",
                    lines);
        } finally {
            BenchService.deleteTree(work);
        }
    }

    /**
     * One session a day; segments of 50 to 70 kB (a still scene), with one stretch of motion (5 to 8 times bigger) of
     * a few minutes every quarter of an hour: sizes the index sums, whatever they are.
     */
    private static long fill(Database db, SegmentIndex index, Instant start, Instant end) {
        String init = CAMERA + "/init/00112233445566778899aabbccddeeff.mp4";
        index.initSegments().add(new InitSegment(init, CAMERA, 700, "avc1.64001f", start));
        Random random = new Random(20);
        long total = (end.toEpochMilli() - start.toEpochMilli()) / SEGMENT_MILLIS;
        for (long first = 0; first < total; first += PER_TRANSACTION) {
            long from = first;
            db.inTransaction(() -> {
                for (long seq = from; seq < Math.min(total, from + PER_TRANSACTION); seq++) {
                    long t = start.toEpochMilli() + seq * SEGMENT_MILLIS;
                    String session = "session-" + (seq / 43_200);
                    if (seq % 43_200 == 0) {
                        index.sessions()
                                .open(new RecordingSession(session, CAMERA, Instant.ofEpochMilli(t), "h264", null));
                    }
                    boolean moving = (t / 60_000) % 15 < 3;
                    long size = (50_000 + random.nextInt(20_000)) * (moving ? 5 + random.nextInt(4) : 1);
                    index.add(new Segment(
                            CAMERA,
                            seq,
                            session,
                            Instant.ofEpochMilli(t),
                            (int) SEGMENT_MILLIS,
                            size,
                            CAMERA + "/x/" + t + "-" + seq + ".m4s",
                            init,
                            true,
                            "0".repeat(64)));
                }
                return null;
            });
        }
        return total;
    }

    /**
     * Runs the V27 migration's back-fill statement (read from the migration itself) on the filled rows after emptying
     * the table, and checks it rebuilds exactly the totals the index kept; returns its time.
     */
    private static double backfill(Database db) throws Exception {
        String migration;
        try (InputStream in = ActivityBench.class.getResourceAsStream("/db/migration/V27__segment_minute.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String insert =
                migration.substring(migration.indexOf("INSERT INTO segment_minute"), migration.lastIndexOf(';'));
        String sums = "SELECT COUNT(*), SUM(size_bytes), SUM(duration_millis), SUM(segment_count) FROM segment_minute";
        List<String> kept = db.query(sums, ActivityBench::sumsRow);
        db.update("DELETE FROM segment_minute");
        long t = System.nanoTime();
        db.update(insert);
        double millis = (System.nanoTime() - t) / 1e6;
        List<String> rebuilt = db.query(sums, ActivityBench::sumsRow);
        if (!kept.equals(rebuilt)) {
            throw new AssertionError("the back-fill rebuilt " + rebuilt + ", the index kept " + kept);
        }
        System.out.println("minute totals (rows, bytes, footage ms, segments): " + kept);
        return millis;
    }

    private static String sumsRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4);
    }

    /**
     * Times {@code RUNS} requests; every answer must hold {@code expected} times {@code marker}, so a fast but
     * incomplete answer fails the bench (every bucket of the fully recorded range has a level; one span per day).
     */
    private static double[] http(
            String base, String what, Instant from, Instant to, String query, String marker, int expected)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] ms = new double[RUNS];
        for (int i = -WARM_UPS; i < RUNS; i++) {
            long back = (i + WARM_UPS) * SHIFT_MILLIS;
            String url = base + "/api/cameras/" + CAMERA + "/" + what + "?start=" + from.minusMillis(back) + "&end="
                    + to.minusMillis(back) + query;
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
            int slack = what.equals("timeline") ? 1 : 0; // a session (a day's) may begin inside the shifted range
            if (found < expected || found > expected + slack || r.body().contains("\"level\":null")) {
                throw new AssertionError(
                        url + " answered " + found + " x " + marker + ", expected " + expected + " and none null: "
                                + r.body().substring(0, Math.min(400, r.body().length())));
            }
        }
        System.out.println(what + " " + from + " " + to + query + ", ms: " + Arrays.toString(ms));
        return ms;
    }

    /** Times {@code RUNS} calls of the controller itself, in this process: the index read and the series built. */
    private static double[] inProcess(
            io.vigil.playback.ActivityController controller, Instant from, Instant to, int buckets) {
        double[] ms = new double[RUNS];
        for (int i = -WARM_UPS; i < RUNS; i++) {
            long t = System.nanoTime();
            long back = (i + WARM_UPS) * SHIFT_MILLIS;
            var activity = controller.activity(
                    CAMERA,
                    from.minusMillis(back).toString(),
                    to.minusMillis(back).toString(),
                    Integer.toString(buckets),
                    null);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            if (activity.buckets().size() != buckets
                    || activity.buckets().stream().anyMatch(b -> b.level() == null)) {
                throw new AssertionError("in process: " + activity.buckets().size() + " buckets, some without a level");
            }
        }
        System.out.println("in process, ms: " + Arrays.toString(ms));
        return ms;
    }

    /** The 1-minute load average, from /proc/loadavg. */
    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String row(String name, double[] measured, double[] baseline) {
        double p50 = percentile(measured, 50);
        double base = percentile(baseline, 50);
        return String.format(
                "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |",
                name, p50, percentile(measured, 95), base, percentile(baseline, 95), p50 / base);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
