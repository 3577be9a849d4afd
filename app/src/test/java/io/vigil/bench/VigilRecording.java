package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.S3ServerProcess;
import io.vigil.e2e.ServiceProcess;
import io.vigil.e2e.TestAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Vigil column of an ingest run: Vigil as its own process (its object store, the s3proxy it embeds, in another,
 * so the two are measured apart) records the simulator's cameras, named in cameras.yml with {@code engine: ENGINE}
 * ({@code default}: no {@code engine} key, whatever the recorder's default is). After every camera records and the
 * JIT has settled, a window of CPU; then the listing delay, the segments of the window and, for the first camera,
 * segment start vs keyframe capture time.
 *
 * @param engine       the {@code engine:} of every camera, or {@code default}
 * @param window       the measurement window
 * @param listingDelay whether to watch the first camera's live listing delay after the window
 * @param allMustRecord fail if a camera does not record, else measure those that do (a simulator at its limit)
 */
record VigilRecording(String engine, Duration window, boolean listingDelay, boolean allMustRecord) {

    static final Duration JIT_QUIET = Duration.ofSeconds(10);
    static final Duration JIT_BOUND = Duration.ofMinutes(3);

    Measured run(CameraSimulator cameras, List<String> ids) throws Exception {
        Path work = Files.createTempDirectory("vigil-bench-ingest");
        try (S3ServerProcess store = new S3ServerProcess(work.resolve("s3"), CameraSimulator.freePort());
                ServiceProcess vigil = new ServiceProcess(
                        work,
                        CameraSimulator.freePort(),
                        List.of(
                                "-Xmx" + System.getProperty("bench.ingest.heap", "1g"),
                                "-Dvigil.storage.endpoint=" + store.endpoint(),
                                "-Dvigil.storage.access-key=" + S3ServerProcess.ACCESS_KEY,
                                "-Dvigil.storage.secret-key=" + S3ServerProcess.SECRET_KEY,
                                "-Dvigil.retention.enabled=false"))) {
            Files.writeString(work.resolve("cameras.yml"), camerasFile(cameras, ids));
            vigil.start();
            HttpClient http = HttpClient.newHttpClient();
            int recording = awaitRecording(http, vigil, ids.size());
            if (allMustRecord && recording < ids.size()) {
                throw new AssertionError(recording + " of " + ids.size() + " cameras reached RECORDING (engine "
                        + engine + "); " + cameras.report() + "\nVigil's log:\n" + vigil.logTail(40));
            }
            JitSettle settle = JitSettle.await(vigil.pid(), JIT_QUIET, JIT_BOUND);
            System.out.println("SETTLE engine " + engine + ", " + ids.size() + " cameras: " + settle);
            Instant from = Instant.now();
            double vigilCpu0 = ProcessMeter.cpuSeconds(vigil.pid());
            double storeCpu0 = ProcessMeter.cpuSeconds(store.pid());
            double simCpu0 = ProcessMeter.cpuSecondsIfAlive(cameras.pid());
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis()); // the measurement window itself: nothing but recording
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double vigilCpu = ProcessMeter.cpuSeconds(vigil.pid()) - vigilCpu0;
            double storeCpu = ProcessMeter.cpuSeconds(store.pid()) - storeCpu0;
            double simCpu = ProcessMeter.cpuSecondsIfAlive(cameras.pid()) - simCpu0;
            double vigilRss = ProcessMeter.rssMib(vigil.pid());
            double storeRss = ProcessMeter.rssMib(store.pid());
            Instant to = Instant.now();
            String simulator = cameras.report();
            // then, apart from the CPU window (its polling costs CPU too), how soon segments are listed
            List<Double> delays = listingDelay
                    ? ListingDelay.watch(
                            http, vigil.base(), ids.get(0), Duration.ofSeconds(Math.min(40, window.toSeconds())))
                    : List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long written = 0;
            int served = 0;
            long missing = 0;
            double uncovered = 0;
            SegmentTimeError timeError = null;
            for (String id : ids) {
                RecordedSegments listed = RecordedSegments.awaitCovered(http, vigil.base(), id, from, to, deadline);
                written += listed.started();
                served += listed.started() > 0 ? 1 : 0;
                missing += listed.missingBySequence();
                uncovered += listed.uncoveredSeconds();
                if (timeError == null) {
                    timeError = SegmentTimeError.match(
                            cameras.keyframeCaptures(id), listed.startsWithin(), Duration.ofSeconds(1));
                }
            }
            vigil.stop();
            return new Measured(
                    "Vigil, engine: " + engine,
                    ids.size(),
                    elapsed,
                    settle,
                    vigilCpu,
                    storeCpu,
                    simCpu,
                    vigilRss,
                    storeRss,
                    recording,
                    served,
                    written,
                    missing,
                    uncovered,
                    delays,
                    timeError,
                    simulator);
        } finally {
            BenchService.deleteTree(work);
        }
    }

    private String camerasFile(CameraSimulator cameras, List<String> ids) {
        List<String> lines = new ArrayList<>(List.of("cameras:"));
        for (String id : ids) {
            lines.add("  - id: " + id);
            lines.add("    url: " + cameras.url(id));
            if (!engine.equals("default")) {
                lines.add("    engine: " + engine);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** Cameras in RECORDING once all are, or when the deadline (2 min, plus 1 s per camera) passes. */
    private static int awaitRecording(HttpClient http, ServiceProcess vigil, int cameras) throws Exception {
        long deadline =
                System.nanoTime() + Duration.ofMinutes(2).plusSeconds(cameras).toNanos();
        Pattern state = Pattern.compile("\"state\":\"RECORDING\"");
        int recording = 0;
        while (System.nanoTime() < deadline) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(vigil.base() + "/api/cameras"))
                                    .header("Authorization", TestAdmin.basic())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            recording = (int) state.matcher(body).results().count();
            if (recording >= cameras) {
                break;
            }
            Thread.sleep(500);
        }
        return recording;
    }
}
