package io.vigil.investigation.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.hook.FootageExports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as its writer puts it together: every clip byte in it once and hashed right although hashed on another
 * thread, the clip parts sent as the export lent them (not copied), and every lent part released however the package
 * ends (read to its end, closed midway, a clip failing).
 */
class IncidentPackageTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EXPORTED_AT = Instant.parse("2026-12-07T12:00:00Z");

    private final ExecutorService hashing = Executors.newFixedThreadPool(2);
    private final LendingExports exports = new LendingExports();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        hashing.shutdownNow();
    }

    @Test
    void everyClipByteIsInThePackageAndItsSumIsTheSha256OfThoseBytes() throws IOException {
        byte[] a = exports.clip("cam-a", 3_000_000, 190_000);
        byte[] b = exports.clip("cam-b", 1_000_000, 1_000_000);

        Path zip = readAll(open(List.of("cam-a", "cam-b", "cam-none")));

        try (ZipFile file = new ZipFile(zip.toFile())) {
            String dir = PackageFiles.directory("inc-1") + "/";
            assertArrayEquals(a, entry(file, dir + PackageFiles.cameraFile("cam-a", "clip.mp4")));
            assertArrayEquals(b, entry(file, dir + PackageFiles.cameraFile("cam-b", "clip.mp4")));
            assertNotNull(file.getEntry(dir + PackageFiles.cameraFile("cam-none", "NOT-EXPORTED.txt")));
            String sums = new String(entry(file, dir + PackageFiles.SUMS), StandardCharsets.UTF_8);
            List<String> lines = sums.lines().toList();
            for (String line : lines) {
                String[] hexAndPath = line.split(" {2}", 2);
                assertEquals(hexAndPath[0], Sha256.hex(entry(file, dir + hexAndPath[1])), line);
            }
            assertTrue(sums.contains(Sha256.hex(a) + "  " + PackageFiles.cameraFile("cam-a", "clip.mp4")), sums);
            assertEquals(
                    "{\"sha256\":\"" + Sha256.hex(a) + "\",\"sizeBytes\":" + a.length + "}",
                    new String(
                            entry(file, dir + PackageFiles.cameraFile("cam-a", "clip.manifest.json")),
                            StandardCharsets.UTF_8));
        }
        exports.assertAllReleased();
    }

    @Test
    void clipPartsAreSentAsTheExportLentThemAndEveryPartIsOffHeap() throws IOException {
        exports.clip("cam-a", 2_000_000, 500_000);
        IncidentPackage pkg = open(List.of("cam-a"));
        List<Long> sentAddresses = new ArrayList<>();
        for (ByteBuf part; (part = pkg.nextPart()) != null; ) {
            try {
                assertTrue(part.isDirect(), "a part with a heap component is copied whole before sending");
                for (ByteBuf component : (CompositeByteBuf) part) {
                    if (component.hasMemoryAddress()) {
                        sentAddresses.add(component.memoryAddress());
                    }
                }
            } finally {
                part.release();
            }
        }
        for (long lentAddress : exports.lentAddresses) {
            assertTrue(sentAddresses.contains(lentAddress), "a lent part was copied, not sent: " + lentAddress);
        }
        exports.assertAllReleased();
    }

    @Test
    void closingThePackageMidwayReleasesEveryPartLent() throws IOException {
        exports.clip("cam-a", 8_000_000, 250_000);
        IncidentPackage pkg = open(List.of("cam-a"));
        for (int i = 0; i < 5; i++) {
            pkg.nextPart().release();
        }
        pkg.close();

        exports.awaitAllReleased();
        assertThrows(IOException.class, pkg::nextPart);
    }

    @Test
    void aClipFailingMidwayFailsThePackageAndReleasesEveryPartLent() throws IOException {
        exports.clip("cam-a", 4_000_000, 250_000);
        exports.failAfterParts = 6;
        IncidentPackage pkg = open(List.of("cam-a"));

        IOException failure = assertThrows(IOException.class, () -> {
            while (true) {
                ByteBuf part = pkg.nextPart();
                assertNotNull(part, "the package ended although its clip failed");
                part.release();
            }
        });

        assertEquals("the store went away", failure.getMessage());
        exports.awaitAllReleased();
        assertNull(exports.openClip, "the failed clip was not closed");
    }

    private IncidentPackage open(List<String> cameras) {
        Incident incident = new Incident(
                "inc-1",
                "Loading dock",
                cameras,
                START,
                START.plus(Duration.ofMinutes(10)),
                "case 42",
                Map.of(),
                Incident.Status.OPEN,
                "auditor",
                START,
                null,
                null,
                null);
        byte[] text = "{}".getBytes(StandardCharsets.UTF_8);
        return new IncidentPackage(
                new IncidentPackage.Contents(incident, text, text, text, text),
                exports,
                EXPORTED_AT,
                ByteBufAllocator.DEFAULT,
                hashing);
    }

    private Path readAll(IncidentPackage pkg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf part; (part = pkg.nextPart()) != null; ) {
            try {
                part.readBytes(out, part.readableBytes());
            } finally {
                part.release();
            }
        }
        return Files.write(dir.resolve("package.zip"), out.toByteArray());
    }

    private static byte[] entry(ZipFile file, String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        assertNotNull(entry, name);
        try (var in = file.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** Clips of random bytes lent in off-heap parts of a set size; remembers every part to check it is released. */
    private static final class LendingExports implements FootageExports {

        private final Map<String, byte[]> clips = new HashMap<>();
        private final Map<String, Integer> partSizes = new HashMap<>();
        private final List<ByteBuf> lent = new CopyOnWriteArrayList<>();
        final List<Long> lentAddresses = new CopyOnWriteArrayList<>();
        int failAfterParts = Integer.MAX_VALUE;
        volatile Clip openClip;

        byte[] clip(String camera, int sizeBytes, int partBytes) {
            byte[] content = new byte[sizeBytes];
            new Random(sizeBytes).nextBytes(content);
            clips.put(camera, content);
            partSizes.put(camera, partBytes);
            return content;
        }

        @Override
        public Clip open(String streamKey, TimeRange range) {
            byte[] content = clips.get(streamKey);
            if (content == null) {
                throw new VigilException(ErrorCode.NO_RECORDINGS, "nothing recorded in the range");
            }
            int partBytes = partSizes.get(streamKey);
            openClip = new Clip() {
                private int offset;
                private int parts;

                @Override
                public String fileName() {
                    return streamKey + ".mp4";
                }

                @Override
                public List<TimeRange> gaps() {
                    return List.of();
                }

                @Override
                public ByteBuf nextPart() throws IOException {
                    if (parts++ == failAfterParts) {
                        throw new IOException("the store went away");
                    }
                    if (offset == content.length) {
                        return null;
                    }
                    int length = Math.min(partBytes, content.length - offset);
                    ByteBuf part = Unpooled.directBuffer(length).writeBytes(content, offset, length);
                    offset += length;
                    lent.add(part);
                    if (part.hasMemoryAddress()) {
                        lentAddresses.add(part.memoryAddress());
                    }
                    return part;
                }

                @Override
                public byte[] manifest(String sha256Hex, long sizeBytes) {
                    return ("{\"sha256\":\"" + sha256Hex + "\",\"sizeBytes\":" + sizeBytes + "}")
                            .getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public void close() {
                    openClip = null;
                }
            };
            return openClip;
        }

        @Override
        public byte[] sign(byte[] content) {
            byte[] signature = new byte[64];
            System.arraycopy(Sha256.of(content), 0, signature, 0, 32);
            return signature;
        }

        @Override
        public String publicKeyPem() {
            return "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
        }

        void assertAllReleased() {
            assertTrue(!lent.isEmpty(), "no part was lent");
            for (ByteBuf part : lent) {
                assertEquals(0, part.refCnt(), "a lent part was not released");
            }
        }

        /** The hashing thread releases the parts it had not hashed yet after the package closed: wait for it. */
        void awaitAllReleased() {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lent.stream().anyMatch(part -> part.refCnt() > 0) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            assertAllReleased();
        }
    }
}
