package io.vigil.bench;

import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.S3ServerProcess;
import io.vigil.e2e.ServiceProcess;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Vigil column of an ingest run: Vigil as its own process (its object store, the s3proxy it embeds, in another,
 * so the two are measured apart) records the simulator's cameras, named in cameras.yml with {@code engine: ENGINE}
 * ({@code default}: no {@code engine} key, whatever the recorder's default is), each with its sub stream too
 * ({@link CameraSimulator#subUrl}) when {@code withSub}; the cameras go into the file a batch at a time
 * ({@link StaggeredCameras}). After every stream records and the JIT has settled, a window of CPU; then the live
 * heap, the listing delay, the segments of the window (every stream's) and, for the first camera, segment start vs
 * keyframe capture time.
 *
 * @param engine       the {@code engine:} of every camera, or {@code default}
 * @param withSub      whether every camera has a sub stream ({@code streams.sub})
 * @param window       the measurement window
 * @param listingDelay whether to watch the first camera's live listing delay after the window
 * @param allMustRecord fail if a stream does not record, else measure those that do (a simulator at its limit)
 * @param batch        cameras added to the file at a time
 */
record VigilRecording(
        String engine, boolean withSub, Duration window, boolean listingDelay, boolean allMustRecord, int batch) {

    static final Duration JIT_QUIET = Duration.ofSeconds(10);
    static final Duration JIT_BOUND = Duration.ofMinutes(3);

    /** How a main + sub column's name ends. */
    static final String MAIN_AND_SUB = ", main + sub";

    /** The column's name in the tables: {@code Vigil, engine: native}, {@code Vigil, engine: native, main + sub}. */
    static String column(String engine, boolean withSub) {
        return "Vigil, engine: " + engine + (withSub ? MAIN_AND_SUB : "");
    }

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
            Path file = work.resolve("cameras.yml");
            Files.writeString(file, StaggeredCameras.yaml(List.of()));
            vigil.start();
            HttpClient http = HttpClient.newHttpClient();
            List<StaggeredCameras.Camera> entries = ids.stream()
                    .map(id -> new StaggeredCameras.Camera(
                            id,
                            cameras.url(id),
                            withSub ? cameras.subUrl(id) : null,
                            engine.equals("default") ? null : engine))
                    .toList();
            int streams = ids.size() * (withSub ? 2 : 1);
            int recording = (int) StaggeredCameras.apply(
                    file, entries, batch, Duration.ofMinutes(2).plusSeconds(batch), allMustRecord, vigil, cameras);
            System.out.println("RECORDING " + recording + " of " + streams + " streams, " + column(engine, withSub)
                    + ", " + ids.size() + " cameras");
            JitSettle settle = JitSettle.await(vigil.pid(), JIT_QUIET, JIT_BOUND);
            System.out.println("SETTLE " + column(engine, withSub) + ", " + ids.size() + " cameras: " + settle);
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
            double liveHeap = LiveHeap.afterFullGcMib(vigil.pid());
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
                for (String stream : withSub ? List.of("main", "sub") : List.of("main")) {
                    RecordedSegments listed =
                            RecordedSegments.awaitCovered(http, vigil.base(), id, stream, from, to, deadline);
                    written += listed.started();
                    served += listed.started() > 0 && stream.equals("main") ? 1 : 0;
                    missing += listed.missingBySequence();
                    uncovered += listed.uncoveredSeconds();
                    if (timeError == null) {
                        timeError = SegmentTimeError.match(
                                cameras.keyframeCaptures(id), listed.startsWithin(), Duration.ofSeconds(1));
                    }
                }
            }
            vigil.stop();
            return new Measured(
                    column(engine, withSub),
                    ids.size(),
                    elapsed,
                    settle,
                    vigilCpu,
                    storeCpu,
                    simCpu,
                    vigilRss,
                    storeRss,
                    liveHeap,
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
}
