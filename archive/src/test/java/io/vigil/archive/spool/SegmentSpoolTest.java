package io.vigil.archive.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.archive.index.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentSpoolTest {

    private static final long MIB = 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static SpoolConfig config(Path dir, long maxBytes) {
        return new SpoolConfig(
                dir, maxBytes, false, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(2), 1L << 26);
    }

    private static Segment segment(String camera, long seq, int size) {
        return new Segment(
                camera,
                seq,
                "s1",
                T0.plusSeconds(2 * seq),
                2000,
                size,
                camera + "/2026/11/22/10/" + seq + ".m4s",
                camera + "/init/00112233445566778899aabbccddeeff.mp4",
                true,
                "ab");
    }

    @Test
    void survivesARestartAndDropsDebris(@TempDir Path dir) throws Exception {
        SegmentSpool spool = new SegmentSpool(config(dir, 64 * MIB));
        spool.add(segment("cam", 0, 3), "avc1.64001e", new byte[] {1, 2, 3}, new byte[] {9, 9});
        spool.add(segment("cam", 1, 2), "avc1.64001e", new byte[] {4, 5}, new byte[] {9, 9});
        Files.writeString(dir.resolve("cam/0000000000000000007.m4s"), "half-written, no properties");
        Files.writeString(dir.resolve("cam/0000000000000000008.m4s.tmp"), "temporary");

        SegmentSpool reopened = new SegmentSpool(config(dir, 64 * MIB));
        assertEquals(2, reopened.count());
        assertEquals(1, reopened.maxSequence("cam"));
        SpooledSegment first = reopened.pending("cam").get(0);
        assertEquals(segment("cam", 0, 3), first.segment());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(first.mediaFile()));
        assertFalse(Files.exists(dir.resolve("cam/0000000000000000007.m4s")));
        assertFalse(Files.exists(dir.resolve("cam/0000000000000000008.m4s.tmp")));

        reopened.remove(first);
        assertTrue(reopened.initFile("cam", first.segment().initKey()).isPresent(), "still needed by segment 1");
        reopened.remove(reopened.pending("cam").get(0));
        assertTrue(reopened.initFile("cam", first.segment().initKey()).isEmpty(), "removed with the last segment");
        assertEquals(0, reopened.sizeBytes());
    }

    @Test
    void whenFullDropsTheOldestUnsentSegmentAndCountsIt(@TempDir Path dir) {
        SegmentSpool spool = new SegmentSpool(config(dir, 16 * MIB));
        byte[] sixMiB = new byte[(int) (6 * MIB)];
        spool.add(segment("a", 0, sixMiB.length), "c", sixMiB, new byte[] {1});
        spool.add(segment("b", 1, sixMiB.length), "c", sixMiB, new byte[] {1});
        spool.add(segment("a", 2, sixMiB.length), "c", sixMiB, new byte[] {1});
        assertEquals(1, spool.dropped());
        assertTrue(spool.find("a", 0).isEmpty(), "the oldest, across cameras, was dropped");
        assertTrue(spool.find("b", 1).isPresent());
        assertTrue(spool.find("a", 2).isPresent());
        assertTrue(spool.sizeBytes() <= 16 * MIB);
    }

    @Test
    void namesNoFileOutsideItsDirectoryWhateverTheCameraIdOrKey(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("spool");
        SegmentSpool spool = new SegmentSpool(config(dir, 64 * MIB));
        assertEquals(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(dir),
                "created owner-only");
        String name = "00112233445566778899aabbccddeeff.mp4";
        Path planted = tmp.resolve("planted/init/" + name);
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "not footage");
        String key = "x/init/" + name;
        int tried = 0;
        for (String camera : java.util.List.of(
                "../planted",
                "..",
                "/" + tmp.resolve("planted"),
                tmp.resolve("planted").toString(),
                "a\u0000b",
                "PLANTED",
                "..\\planted",
                "a".repeat(64),
                "")) {
            assertTrue(spool.initFile(camera, key).isEmpty(), camera);
            tried++;
        }
        for (String badKey : java.util.List.of("x/init/..", "x/init/.", "x/init/\u0000.mp4", "x/init/")) {
            assertTrue(spool.initFile("cam", badKey).isEmpty(), badKey);
            tried++;
        }
        assertEquals(13, tried);
        assertTrue(spool.fileOf("cam", "..", "..", "planted", "init", name).isEmpty());
        assertEquals(java.util.Optional.of(dir.resolve("cam/init/" + name)), spool.fileOf("cam", "init", name));
    }
}
