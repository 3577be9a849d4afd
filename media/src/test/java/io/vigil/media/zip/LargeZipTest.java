package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZIP64 proven with real readers on an archive that needs it: one entry of just over 4 GiB (written from one reused
 * 1 MiB buffer, about 4.3 GB on disk), then a small entry whose local header lies past 4 GiB. Takes 17-30 s on 2 cores
 * (measured: writing 3-13 s, {@code unzip -t} 12 s, Python's zipfile 1 s, each reader computing the CRC-32 of the
 * whole entry), so it is left out of the Test command: run it with {@code -Dvigil.test.large-zip=true}.
 */
@EnabledIfSystemProperty(named = "vigil.test.large-zip", matches = "true")
class LargeZipTest {

    private static final long BIG_BYTES = (4L << 30) + (1 << 20) + 7; // past 0xFFFFFFFF
    private static final Instant MODIFIED = Instant.parse("2026-12-07T03:37:31Z");

    @TempDir
    Path dir;

    @Test
    void anEntryOver4GiBAndAnOffsetPast4GiBReadBackWithUnzipPythonAndTheJdk() throws Exception {
        byte[] chunk = new byte[1 << 20];
        new Random(4).nextBytes(chunk);
        CRC32 expected = new CRC32();
        long started = System.nanoTime();
        Path zip = ZipStreamReadBackTest.write(dir.resolve("large.zip"), z -> {
            z.beginEntry("big.bin", MODIFIED);
            for (long left = BIG_BYTES; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                expected.update(chunk, 0, n);
                z.write(chunk, 0, n);
                left -= n;
            }
            z.endEntry();
            z.entry("after.txt", MODIFIED, "after".getBytes(StandardCharsets.US_ASCII));
        });
        System.out.printf(
                "LargeZipTest: wrote %d bytes in %d ms%n", zip.toFile().length(), millisSince(started));
        try (FileChannel channel = FileChannel.open(zip)) {
            ByteBuffer end = ByteBuffer.allocate(98).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, channel.size() - 98);
            assertEquals(ZipHeaders.ZIP64_END_SIGNATURE, end.getInt(0), "the central directory lies past 4 GiB");
        }

        started = System.nanoTime();
        ZipReaders.Result test = ZipReaders.unzipTest(zip, 600);
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("No errors detected in compressed data"), test.output());
        String details =
                ZipReaders.run(60, "unzip", "-Z", "-v", zip.toString()).output().replaceAll(" +", " ");
        assertTrue(details.contains("uncompressed size: " + BIG_BYTES + " bytes"), details);
        long afterOffset = 30 + 7 + 29 + BIG_BYTES + 24;
        assertTrue(details.contains("offset of local header from start of archive: " + afterOffset), details);
        System.out.printf("LargeZipTest: unzip -t in %d ms%n", millisSince(started));

        started = System.nanoTime();
        String dos = "2026-12-07 03:37:30";
        assertEquals(
                List.of(
                        String.format("big.bin\t%d\t%08x\t%s", BIG_BYTES, expected.getValue(), dos),
                        String.format("after.txt\t5\t%08x\t%s", crc("after"), dos),
                        "testzip None"),
                ZipReaders.pythonListing(zip, 600));
        System.out.printf("LargeZipTest: Python zipfile in %d ms%n", millisSince(started));

        try (ZipFile jdk = new ZipFile(zip.toFile())) {
            assertEquals(BIG_BYTES, jdk.getEntry("big.bin").getSize());
            assertEquals(expected.getValue(), jdk.getEntry("big.bin").getCrc());
            try (var in = jdk.getInputStream(jdk.getEntry("after.txt"))) {
                assertEquals("after", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
