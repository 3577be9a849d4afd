package io.vigil.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import io.vigil.e2e.TestAdmin;
import io.vigil.e2e.VerifyPackage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Incident package speed: {@code CAMERAS} cameras of {@code MINUTES} of 4 Mbit/s 1080p25 each (the same input segments
 * of {@link ClipInputs} stored under each camera id through the service's object store and index), an incident opened
 * over them through the API, and its {@code package.zip} downloaded; baseline, alternating with it in the same run:
 * the same cameras' {@code clip.mp4} over the same range, one after another (the same video bytes without the ZIP,
 * the hashes and the signatures). Both bodies are read by this JVM off the socket ({@link RawHttpBody}). The package is
 * first checked by {@code bin/verify-package}. Not part of the test suite: run with {@code bench/run incident}.
 */
class IncidentBench {

    static final int MINUTES = Integer.getInteger("bench.incident.minutes", 60);
    static final int CAMERAS = Integer.getInteger("bench.incident.cameras", 4);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final boolean VERIFY = Boolean.parseBoolean(System.getProperty("bench.incident.verify", "true"));

    /** One export and the service's CPU seconds during it. */
    record Exported(Transfer transfer, double serviceCpuSeconds) {
        double cpuPercent() {
            return 100 * serviceCpuSeconds / transfer.totalSeconds();
        }
    }

    @Test
    void incidentPackage() throws Exception {
        Path cache = Path.of(System.getProperty("bench.clip.cache", "target/clip-bench"));
        ClipInputs inputs = ClipInputs.prepare(cache.toAbsolutePath(), MINUTES);
        Path work = Files.createTempDirectory("vigil-incident-bench");
        requireFreeSpace(work, inputs.totalBytes());
        Instant start = LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC);
        try (EmbeddedServer server = BenchService.start(work)) {
            ApplicationContext context = server.getApplicationContext();
            String base = BenchService.baseUrl(server);
            List<String> cameras = new ArrayList<>();
            Instant end = start;
            long t0 = System.nanoTime();
            for (int c = 1; c <= CAMERAS; c++) {
                String camera = "bench-" + c;
                BenchService.registerIdleCamera(base, camera);
                end = inputs.store(
                        context.getBean(ObjectStore.class), context.getBean(SegmentIndex.class), camera, start);
                cameras.add(camera);
            }
            double storeSeconds = (System.nanoTime() - t0) / 1e9;
            String id = openIncident(base, cameras, start, end);
            URI pkg = URI.create(base + "/api/incidents/" + id + "/package.zip");
            List<URI> clips = new ArrayList<>();
            for (String camera : cameras) {
                clips.add(URI.create(base + "/api/cameras/" + camera + "/clip.mp4?start=" + start + "&end=" + end));
            }
            String verified = VERIFY ? verify(base, pkg, work) : "not verified (-Dbench.incident.verify=false)";
            String loadBefore = IncidentReport.loadAverage();
            List<Exported> packages = new ArrayList<>();
            List<Exported> clipSets = new ArrayList<>();
            for (int i = -1; i < RUNS; i++) {
                Exported p = measure(() -> Transfer.of(RawHttpBody.get(pkg)));
                Exported c = measure(() -> clipsOneAfterAnother(clips));
                System.out.printf(
                        "incident run %d%s: package %.2f s (first byte %.0f ms, CPU %.0f %%), %d clips %.2f s (CPU %.0f %%)%n",
                        i + 1,
                        i < 0 ? " (warm-up)" : "",
                        p.transfer().totalSeconds(),
                        p.transfer().firstByteMillis(),
                        p.cpuPercent(),
                        CAMERAS,
                        c.transfer().totalSeconds(),
                        c.cpuPercent());
                requireSameVideo(p.transfer(), c.transfer());
                if (i >= 0) {
                    packages.add(p);
                    clipSets.add(c);
                }
            }
            IncidentReport.Profiled packageProfile = IncidentReport.profile(() -> Transfer.of(RawHttpBody.get(pkg)));
            IncidentReport.Profiled clipProfile = IncidentReport.profile(() -> clipsOneAfterAnother(clips));
            HashCost hashCost = HashCost.measure(2L << 30);
            String load = "before the runs " + loadBefore + ", after them " + IncidentReport.loadAverage();
            new IncidentReport(MINUTES, CAMERAS, RUNS, inputs.totalBytes(), storeSeconds, verified, load)
                    .write(packages, clipSets, packageProfile, clipProfile, hashCost);
        } finally {
            BenchService.deleteTree(work);
        }
    }

    /** A download to time. */
    interface Download {
        Transfer run() throws Exception;
    }

    static Exported measure(Download download) throws Exception {
        InProcessCpu cpu = InProcessCpu.start();
        Transfer t = download.run();
        return new Exported(t, cpu.stopSeconds());
    }

    /** Each camera's clip.mp4, one after the other: first byte of the first, total time and bytes of all. */
    private static Transfer clipsOneAfterAnother(List<URI> clips) throws Exception {
        long t = System.nanoTime();
        double firstByteMillis = -1;
        long bytes = 0;
        for (URI clip : clips) {
            RawHttpBody.Fetch f = RawHttpBody.get(clip);
            firstByteMillis = firstByteMillis < 0 ? f.firstByteMillis() : firstByteMillis;
            bytes += f.bodyBytes();
        }
        return new Transfer(firstByteMillis, (System.nanoTime() - t) / 1e9, bytes);
    }

    /** The package holds every clip whole, and little else: its text files, signatures and ZIP headers. */
    private static void requireSameVideo(Transfer pkg, Transfer clips) {
        long overhead = pkg.bytes() - clips.bytes();
        if (overhead < 0 || overhead > 4L << 20) {
            throw new AssertionError("the package has " + pkg.bytes() + " bytes, its clips " + clips.bytes()
                    + ": a clip is missing or the package holds more than its clips");
        }
    }

    private static String openIncident(String base, List<String> cameras, Instant start, Instant end) throws Exception {
        String json = "{\"title\":\"Bench incident\",\"cameraIds\":[\"" + String.join("\",\"", cameras)
                + "\"],\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"reason\":\"bench/run incident\"}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/incidents"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", TestAdmin.basic())
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !id.find()) {
            throw new AssertionError("POST /api/incidents answered " + r.statusCode() + ": " + r.body());
        }
        return id.group(1);
    }

    /** The bench must not measure a broken package: one download, checked by bin/verify-package with the key. */
    private static String verify(String base, URI pkg, Path work) throws Exception {
        Path zip = download(pkg, work.resolve("package.zip"));
        Path key = download(URI.create(base + "/api/keys/export-signing"), work.resolve("operator-key.pem"));
        VerifyPackage.Verdict verdict = VerifyPackage.run(zip, key, Duration.ofMinutes(30));
        if (verdict.exitCode() != 0 || !verdict.output().contains("VERIFIED")) {
            throw new AssertionError("bin/verify-package did not verify the package:\n" + verdict.output());
        }
        Files.delete(zip);
        String last = verdict.output().strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("bin/verify-package: " + last);
        return last;
    }

    private static Path download(URI uri, Path file) throws Exception {
        HttpResponse<Path> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", TestAdmin.basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
        if (r.statusCode() != 200) {
            throw new AssertionError(uri + " answered " + r.statusCode());
        }
        return file;
    }

    /** The store takes each camera's copy of the input; verifying writes the package and extracts it once more. */
    private static void requireFreeSpace(Path work, long inputBytes) throws Exception {
        long store = CAMERAS * inputBytes;
        long needed = store + (VERIFY ? 2 * store : 0) + (1L << 30);
        long free = Files.getFileStore(work).getUsableSpace();
        if (free < needed) {
            throw new AssertionError(String.format(
                    "bench/run incident needs about %.1f GB free under %s (%d cameras x %d min%s), %.1f GB are: "
                            + "fewer minutes with BENCH_OPTS=-Dbench.incident.minutes=10",
                    needed / 1e9, work, CAMERAS, MINUTES, VERIFY ? ", verified" : "", free / 1e9));
        }
    }
}
