package io.vigil.bench;

import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import io.vigil.archive.store.MinioObjectStore;
import io.vigil.e2e.CameraSimulator;
import io.vigil.e2e.S3ServerProcess;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What storing one 1 MB segment costs Vigil's process (the store runs in a process of its own, as in
 * {@code bench/run ingest}): through the MinIO SDK's {@code putObject} (the lanes until issue 17), its {@code uploadObject} from the
 * segment's spool file, and {@link MinioObjectStore}'s put with the SHA-256 the index already has. A measurement, not a test: run with
 * {@code -Dvigil.bench=true}; prints microseconds of this process's CPU (the SDK's threads, JIT and GC included) and
 * the collections per segment, best of 5 rounds of 200 segments.
 */
@EnabledIfSystemProperty(named = "vigil.bench", matches = "true")
class UploadPathBench {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int SEGMENT_BYTES = 1_000_000;
    private static final int SEGMENTS = 200;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void storeOneSegment() throws Exception {
        byte[] segment = new byte[SEGMENT_BYTES];
        new Random(17).nextBytes(segment);
        Path file = dir.resolve("segment.m4s");
        Files.write(file, segment);
        try (S3ServerProcess server = new S3ServerProcess(dir.resolve("s3"), CameraSimulator.freePort());
                MinioObjectStore store = new MinioObjectStore(
                        server.endpoint(),
                        "us-east-1",
                        S3ServerProcess.ACCESS_KEY,
                        S3ServerProcess.SECRET_KEY,
                        "bench")) {
            store.ensureBucket();
            MinioClient client = MinioClient.builder()
                    .endpoint(server.endpoint())
                    .credentials(S3ServerProcess.ACCESS_KEY, S3ServerProcess.SECRET_KEY)
                    .region("us-east-1")
                    .build();
            Map<String, String> metadata = Map.of("vigil-camera", "cam1", "vigil-sequence", "1");
            Upload fromBytes = i -> client.putObject(
                    io.minio.PutObjectArgs.builder().bucket("bench").object("cam1/" + i + ".m4s").stream(
                                    new java.io.ByteArrayInputStream(segment), segment.length, -1)
                            .contentType("video/iso.segment")
                            .userMetadata(metadata)
                            .build());
            Upload fromFile = i -> client.uploadObject(UploadObjectArgs.builder()
                    .bucket("bench")
                    .object("cam1/" + i + ".m4s")
                    .filename(file.toString())
                    .contentType("video/iso.segment")
                    .userMetadata(metadata)
                    .build());
            double[] bestCpu = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] gcs = new double[3];
            String sha256 = io.vigil.kernel.Sha256.hex(segment);
            Upload signedWithKnownHash =
                    i -> store.put("cam1/" + i + ".m4s", segment, sha256, "video/iso.segment", metadata);
            Upload[] ways = {fromBytes, fromFile, signedWithKnownHash};
            for (int round = 0; round < ROUNDS + 1; round++) { // round 0 warms up
                for (int w = 0; w < ways.length; w++) {
                    long gc = collections();
                    long cpu = PROCESS.getProcessCpuTime();
                    for (int i = 0; i < SEGMENTS; i++) {
                        ways[w].store(i);
                    }
                    double micros = (PROCESS.getProcessCpuTime() - cpu) / 1000.0 / SEGMENTS;
                    if (round > 0 && micros < bestCpu[w]) {
                        bestCpu[w] = micros;
                        gcs[w] = (collections() - gc) / (double) SEGMENTS;
                    }
                }
            }
            String[] names = {
                "SDK putObject(stream of the bytes)",
                "SDK uploadObject(file)",
                "SignedPut (the bytes, their known SHA-256)"
            };
            for (int w = 0; w < ways.length; w++) {
                System.out.printf(
                        Locale.ROOT,
                        "UPLOAD %s: %.0f us of Vigil's CPU per 1 MB segment, %.2f collections per segment%n",
                        names[w],
                        bestCpu[w],
                        gcs[w]);
            }
        }
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    @FunctionalInterface
    private interface Upload {
        void store(int i) throws Exception;
    }
}
