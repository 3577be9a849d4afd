package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's archives read back by real readers: Info-ZIP's {@code unzip} (test, list, extract), Python's
 * {@code zipfile} and the JDK's {@code ZipFile}, each reading the central directory and the local headers its own way.
 */
class ZipStreamReadBackTest {

    private static final Instant MODIFIED = Instant.parse("2026-12-07T03:37:31Z");
    private static final String CLIP = "incident-42/cameras/dock/clip.mp4";

    @TempDir
    Path dir;

    /** Writes the archive to a file through a channel, as an HTTP response would take it. */
    static Path write(Path file, ZipWriting writing) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ZipStream zip = new ZipStream(bytes -> {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            });
            writing.write(zip);
            zip.finish();
            assertEquals(channel.size(), zip.bytesWritten());
        }
        return file;
    }

    @FunctionalInterface
    interface ZipWriting {
        void write(ZipStream zip) throws IOException;
    }

    /** Four entries: a text file, a 3 MB clip written in odd chunks, an empty file, a name beyond ASCII. */
    private static Map<String, byte[]> incident() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("incident-42/README.txt", "Verify with openssl and sha256sum.\n".getBytes(StandardCharsets.UTF_8));
        byte[] clip = new byte[3_000_017];
        new Random(42).nextBytes(clip);
        files.put(CLIP, clip);
        files.put("incident-42/empty.csv", new byte[0]);
        files.put("incident-42/Überwachung/ドック.json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Path incidentZip() throws IOException {
        Map<String, byte[]> files = incident();
        return write(dir.resolve("incident.zip"), zip -> {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.beginEntry(f.getKey(), MODIFIED);
                byte[] data = f.getValue();
                for (int at = 0; at < data.length; at += 65_537) {
                    zip.write(ByteBuffer.wrap(data, at, Math.min(65_537, data.length - at)));
                }
                zip.endEntry();
            }
        });
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    @Test
    void unzipTestsListsAndExtractsEveryEntryWithItsUtf8NameSizeAndTime() throws Exception {
        Path zip = incidentZip();
        Map<String, byte[]> files = incident();

        ZipReaders.Result test = ZipReaders.unzipTest(zip, 60);
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("No errors detected in compressed data"), test.output());

        ZipReaders.Result names = ZipReaders.run(60, "unzip", "-Z", "-1", zip.toString());
        assertEquals(List.copyOf(files.keySet()), names.output().lines().toList());
        ZipReaders.Result verbose = ZipReaders.run(60, "unzip", "-Z", "-v", zip.toString());
        assertEquals(0, verbose.exitCode(), verbose.output());
        String details = verbose.output().replaceAll(" +", " ");
        for (String line : List.of(
                "file system or operating system of origin: Unix",
                "minimum software version required to extract: 4.5",
                "compression method: none (stored)",
                "extended local header: yes",
                "file last modified on (UT extra field modtime): 2026 Dec 7 03:37:31 UTC",
                "Unix file attributes (100644 octal): -rw-r--r--",
                "subfield with ID 0x0001 (PKWARE 64-bit sizes) and 24 data bytes")) {
            assertEquals(
                    files.size(),
                    details.split(java.util.regex.Pattern.quote(line), -1).length - 1,
                    line + " in:\n" + details);
        }

        Path out = Files.createDirectory(dir.resolve("out"));
        ZipReaders.Result extract = ZipReaders.run(60, "unzip", "-q", zip.toString(), "-d", out.toString());
        assertEquals(0, extract.exitCode(), extract.output());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = out.resolve(f.getKey());
            assertArrayEquals(f.getValue(), Files.readAllBytes(file), f.getKey());
            assertEquals(MODIFIED, Files.getLastModifiedTime(file).toInstant(), "the exact second from the UT field");
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void pythonsZipfileAndTheJdksZipFileReadEveryEntry() throws Exception {
        Path zip = incidentZip();
        Map<String, byte[]> files = incident();
        LocalDateTime dos = LocalDateTime.ofInstant(MODIFIED.minusSeconds(1), ZoneOffset.UTC); // to the even second
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            expected.add(String.format(
                    "%s\t%d\t%08x\t%s",
                    f.getKey(),
                    f.getValue().length,
                    crc(f.getValue()),
                    dos.toString().replace('T', ' ')));
        }
        expected.add("testzip None");
        assertEquals(expected, ZipReaders.pythonListing(zip, 60));

        try (ZipFile jdk = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertEquals(files.size(), jdk.size());
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry entry = jdk.getEntry(f.getKey());
                assertEquals(f.getValue().length, entry.getSize(), f.getKey());
                assertEquals(ZipEntry.STORED, entry.getMethod());
                assertEquals(crc(f.getValue()), entry.getCrc());
                assertEquals(MODIFIED, entry.getLastModifiedTime().toInstant(), "the UT field's time");
                try (var in = jdk.getInputStream(entry)) {
                    assertArrayEquals(f.getValue(), in.readAllBytes(), f.getKey());
                }
            }
        }
    }

    @Test
    void aByteChangedInAnEntrysDataFailsItsCrcCheckNamingIt() throws Exception {
        Path zip = incidentZip();
        byte[] bytes = Files.readAllBytes(zip);
        bytes[dataOffset(incident(), CLIP) + 1_234_567] ^= 0x01;
        Path changed = Files.write(dir.resolve("changed.zip"), bytes);

        ZipReaders.Result test = ZipReaders.unzipTest(changed, 60);
        assertNotEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains(CLIP + "   bad CRC"), test.output());
        List<String> python = ZipReaders.pythonListing(changed, 60);
        assertEquals("testzip " + CLIP, python.get(python.size() - 1));
        assertTrue(ZipReaders.unzipTest(zip, 60).exitCode() == 0, "the unchanged archive still tests good");
    }

    @Test
    void moreThan65535EntriesAreCountedInTheZip64EndRecord() throws Exception {
        int count = 70_000;
        Path zip = write(dir.resolve("many.zip"), z -> {
            for (int i = 0; i < count; i++) {
                z.entry("many/" + i + ".txt", MODIFIED, Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            }
        });
        byte[] tail = tail(zip, 98);
        assertEquals(
                ZipHeaders.ZIP64_END_SIGNATURE,
                ByteBuffer.wrap(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());

        ZipReaders.Result test = ZipReaders.unzipTest(zip, 120);
        assertEquals(
                0,
                test.exitCode(),
                test.output().substring(Math.max(0, test.output().length() - 2000)));
        assertTrue(test.output().contains("No errors detected in compressed data"), "unzip -t");
        List<String> python = ZipReaders.pythonListing(zip, 120);
        assertEquals(count + 1, python.size());
        assertEquals("testzip None", python.get(count));
        assertTrue(python.get(count - 1).startsWith("many/69999.txt\t5\t"), python.get(count - 1));
        try (ZipFile jdk = new ZipFile(zip.toFile())) {
            assertEquals(count, jdk.size());
            try (var in = jdk.getInputStream(jdk.getEntry("many/69999.txt"))) {
                assertEquals("69999", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
        }
    }

    private static byte[] tail(Path file, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            channel.read(b, channel.size() - length);
            return b.array();
        }
    }

    /** Where an entry's data starts: each entry before it is local header (+ 29 bytes of extra), data, descriptor. */
    private static int dataOffset(Map<String, byte[]> files, String name) {
        int offset = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            int header = 30 + f.getKey().getBytes(StandardCharsets.UTF_8).length + 29;
            if (f.getKey().equals(name)) {
                return offset + header;
            }
            offset += header + f.getValue().length + 24;
        }
        throw new AssertionError(name + " is not in the archive");
    }
}
