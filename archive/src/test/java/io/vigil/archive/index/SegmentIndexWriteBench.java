package io.vigil.archive.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one segment's index write costs ({@link SegmentIndex#add}: lock row, existing row, init row, insert, session,
 * span, commit) on the service's H2 (a file, through a Hikari pool as configured) and on PostgreSQL when
 * {@code VIGIL_TEST_POSTGRESQL_URL} is set and {@code -Dvigil.bench.postgresql=true}: one segment per transaction
 * after the upload lane's init-row check, as the lanes wrote before issue 17; without that check (the lane now
 * remembers the init segment it stored); and, as the ceiling of batching across cameras, 10 segments of as many cameras
 * in one transaction. A measurement, not
 * a test: run with {@code -Dvigil.bench=true}; prints microseconds per segment of wall time and of the JVM's CPU (the
 * bench's one writing thread, H2 itself when embedded, JIT and GC).
 */
@EnabledIfSystemProperty(named = "vigil.bench", matches = "true")
class SegmentIndexWriteBench {

    private static final int CAMERAS = 100;
    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int WARM_UP_SEGMENTS_PER_CAMERA = 100;
    private static final int MEASURED_SEGMENTS_PER_CAMERA = 50;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void h2File() {
        measure(
                "H2 file",
                pooled("jdbc:h2:file:" + dir.resolve("vigil") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    @EnabledIfSystemProperty(named = "vigil.bench.postgresql", matches = "true")
    void postgresql() {
        measure("PostgreSQL", pooled(TestDatabase.freshPostgresqlUrl()));
    }

    private static DataSource pooled(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void measure(String name, DataSource dataSource) {
        Database db = new Database(TestDatabase.migrated(dataSource));
        SegmentIndex index = new SegmentIndex(db, new RecordingSpans(db));
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int c = 0; c < CAMERAS; c++) {
            String camera = "cam" + c;
            index.sessions().open(new RecordingSession("s" + c, camera, t0, "h264", null));
            index.initSegments().add(new InitSegment(camera + "/init/k.mp4", camera, 700, "avc1.64001f", t0));
        }
        long next = 0;
        next = write(db, index, t0, next, WARM_UP_SEGMENTS_PER_CAMERA, 1);
        int[] batches = {1, 0, 10};
        double[] minWallMicros = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] minCpuMicros = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        int segments = CAMERAS * MEASURED_SEGMENTS_PER_CAMERA;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < batches.length; i++) {
                long started = System.nanoTime();
                long startedCpu = PROCESS.getProcessCpuTime();
                next = write(db, index, t0, next, MEASURED_SEGMENTS_PER_CAMERA, batches[i]);
                minWallMicros[i] = Math.min(minWallMicros[i], (System.nanoTime() - started) / 1000.0 / segments);
                minCpuMicros[i] =
                        Math.min(minCpuMicros[i], (PROCESS.getProcessCpuTime() - startedCpu) / 1000.0 / segments);
            }
        }
        for (int i = 0; i < batches.length; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d segments x %d rounds, %s: best round %.0f us wall, %.0f us of this process's CPU per segment%n",
                    name,
                    segments,
                    ROUNDS,
                    batches[i] == 0 ? "1 per transaction, no init check" : batches[i] + " per transaction",
                    minWallMicros[i],
                    minCpuMicros[i]);
        }
    }

    /** Writes {@code perCamera} segments of every camera, round robin, {@code batch} cameras per transaction. */
    private static long write(Database db, SegmentIndex index, Instant t0, long first, int perCamera, int batch) {
        for (long seq = first; seq < first + perCamera; seq++) {
            List<Segment> round = new ArrayList<>(CAMERAS);
            for (int c = 0; c < CAMERAS; c++) {
                String camera = "cam" + c;
                round.add(new Segment(
                        camera,
                        seq,
                        "s" + c,
                        t0.plusSeconds(2 * seq),
                        2000,
                        1_000_000,
                        camera + "/" + seq + ".m4s",
                        camera + "/init/k.mp4",
                        true,
                        "ab"));
            }
            for (int from = 0; from < CAMERAS; from += Math.max(1, batch)) {
                List<Segment> part = round.subList(from, Math.min(CAMERAS, from + Math.max(1, batch)));
                if (batch <= 1) {
                    if (batch == 1) { // the upload lane's check before each segment
                        index.initSegments().find(part.get(0).initKey());
                    }
                    index.add(part.get(0));
                } else {
                    db.inTransaction(() -> {
                        for (Segment s : part) {
                            index.initSegments().find(s.initKey());
                            index.add(s);
                        }
                        return null;
                    });
                }
            }
        }
        return first + perCamera;
    }
}
