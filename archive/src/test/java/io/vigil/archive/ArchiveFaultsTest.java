package io.vigil.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.EmbeddedS3Server;
import io.vigil.archive.store.MinioObjectStore;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.hook.ServiceFault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's faults against a real S3 server and a real spool: what is reported, for which nodes, since when. */
class ArchiveFaultsTest {

    static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    EmbeddedS3Server s3;
    MinioObjectStore store;
    SegmentSpool spool;
    ArchiveFaults faults;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3Server.start(dir.resolve("objects"), 0, "vigil", "vigil-test-secret");
        store = new MinioObjectStore(s3.endpoint().toString(), "us-east-1", "vigil", "vigil-test-secret", "vigil");
        store.ensureBucket();
        SpoolConfig config = new SpoolConfig(
                dir.resolve("spool"),
                16 * MIB,
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofHours(2),
                0);
        spool = new SegmentSpool(config);
        faults = new ArchiveFaults(store, spool, config, clock);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        s3.close();
    }

    List<String> keys() {
        return faults.current().stream().map(f -> f.key() + " " + f.scope()).toList();
    }

    @Test
    void allWellReportsNothing() {
        assertEquals(List.of(), keys());
    }

    @Test
    void aStoreThatDoesNotAnswerIsEveryNodesFaultSinceTheFirstLookThatSawIt() throws Exception {
        s3.close();
        Instant first = clock.instant();
        assertEquals(List.of("store-unreachable SERVICE"), keys());
        clock.advance(Duration.ofSeconds(5));
        ServiceFault later = faults.current().get(0);
        assertEquals(first, later.since(), "since the first look that saw it");
        assertTrue(later.summary().contains("spool"), later.summary());
    }

    @Test
    void aSpoolPastFourFifthsOfItsBoundIsThisNodesFault() {
        byte[] init = "init".getBytes();
        for (int i = 0; i < 14; i++) {
            byte[] media = new byte[(int) MIB];
            Instant start = clock.instant().plusSeconds(2L * i);
            spool.add(
                    new Segment(
                            "cam",
                            i,
                            "s1",
                            start,
                            2000,
                            media.length,
                            ObjectKeys.mediaSegment("cam", start, i),
                            ObjectKeys.initSegment("cam", Sha256.of(init)),
                            true,
                            Sha256.hex(media)),
                    "avc1.64001f",
                    media,
                    init);
            if (i == 11) {
                assertEquals(List.of(), keys(), "12 MiB of 16: under 80 %");
            }
        }
        List<ServiceFault> now = faults.current();
        assertEquals(List.of("spool-filling NODE"), keys());
        assertTrue(
                now.get(0).summary().startsWith("The spool holds 14 MiB of its 16 MiB"),
                now.get(0).summary());
    }
}
