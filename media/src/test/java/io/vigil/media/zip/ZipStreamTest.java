package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ZipStreamTest {

    private static final Instant MODIFIED = Instant.parse("2026-12-07T03:37:31Z");

    /** Keeps every byte the writer emits, and the buffers it handed over. */
    private static final class Recorded implements ZipStream.Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<ByteBuffer> calls = new ArrayList<>();

        @Override
        public void write(ByteBuffer b) {
            calls.add(b);
            byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            bytes.writeBytes(copy);
        }
    }

    @Test
    void theArchiveIsLocalHeaderDataAndDescriptorPerEntryThenTheCentralDirectoryAndTheEnd() throws IOException {
        Recorded sink = new Recorded();
        ZipStream zip = new ZipStream(sink);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        zip.entry("a.txt", MODIFIED, hello);
        zip.entry("b/empty", MODIFIED, new byte[0]);
        zip.finish();
        assertTrue(sink.calls.stream().allMatch(ByteBuffer::hasRemaining), "no empty buffer handed over");

        byte[] all = sink.bytes.toByteArray();
        int first = 30 + 5 + 29 + 5 + 24;
        int second = 30 + 7 + 29 + 24;
        int centralBytes = (46 + 5 + 37) + (46 + 7 + 37);
        assertEquals(first + second + centralBytes + 22, all.length);
        assertEquals(all.length, zip.bytesWritten());
        assertEquals(2, zip.entryCount());

        CRC32 crc = new CRC32();
        crc.update(hello);
        assertArrayEquals(ZipHeaders.local(EntryName.of("a.txt"), MODIFIED), slice(all, 0, 64));
        assertArrayEquals(hello, slice(all, 64, 5));
        assertArrayEquals(ZipHeaders.dataDescriptor((int) crc.getValue(), 5), slice(all, 69, 24));
        assertArrayEquals(
                ZipHeaders.central(EntryName.of("b/empty"), MODIFIED, 0, 0, first),
                slice(all, first + second + 88, 90),
                "the second entry's central header points at its local header");
        assertArrayEquals(ZipHeaders.end(2, first + second, centralBytes), slice(all, all.length - 22, 22));
        assertEquals(
                all.length,
                ZipStream.sizeBytes(List.of(
                        new ZipStream.PlannedEntry("a.txt", MODIFIED, 5),
                        new ZipStream.PlannedEntry("b/empty", MODIFIED, 0))),
                "the size foretold");
    }

    @Test
    void theSizeIsForetoldExactlyAlsoWithTheZip64EndAndTimesWithoutAUnixTimestamp() throws IOException {
        ZipStream zip = new ZipStream(bytes -> {});
        List<ZipStream.PlannedEntry> planned = new ArrayList<>();
        Instant late = Instant.parse("2040-01-01T00:00:00Z"); // past the 32-bit Unix time: no timestamp field
        for (int i = 0; i < 70_000; i++) {
            Instant modified = i % 2 == 0 ? MODIFIED : late;
            byte[] content = new byte[i % 7];
            planned.add(new ZipStream.PlannedEntry("dir/" + i + "-ü.bin", modified, content.length));
            zip.entry("dir/" + i + "-ü.bin", modified, content);
        }
        zip.finish();
        assertEquals(zip.bytesWritten(), ZipStream.sizeBytes(planned));
    }

    @Test
    // array(): the point is that the sink got the caller's very array, at the caller's offset (checked too)
    @SuppressWarnings("ByteBufferBackingArray")
    void anEntrysDataGoesToTheSinkAsTheCallersOwnBufferNeverCopiedOrKept() throws IOException {
        Recorded sink = new Recorded();
        ZipStream zip = new ZipStream(sink);
        zip.beginEntry("clip.mp4", MODIFIED);
        byte[] chunk = new byte[1 << 20];
        ByteBuffer data = ByteBuffer.wrap(chunk, 10, 1000);
        zip.write(data);
        assertEquals(1010, data.position(), "the data is consumed");
        ByteBuffer handed = sink.calls.get(sink.calls.size() - 1);
        assertSame(chunk, handed.array());
        assertEquals(10, handed.position());
        assertEquals(1000, handed.remaining());
    }

    @Test
    void anOutputStreamSinkTakesHeapAndDirectBuffersAlike() throws IOException {
        Recorded recorded = new Recorded();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ZipStream zip : List.of(new ZipStream(recorded), new ZipStream(ZipStream.Sink.of(out)))) {
            zip.beginEntry("a", MODIFIED);
            zip.write(ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9}, 1, 3));
            ByteBuffer direct =
                    ByteBuffer.allocateDirect(4).put(new byte[] {4, 5, 6, 7}).flip();
            zip.write(direct);
            zip.endEntry();
            zip.finish();
        }
        assertArrayEquals(recorded.bytes.toByteArray(), out.toByteArray());
    }

    @Test
    void aRefusedNameWritesNothingAndTheArchiveGoesOn() throws IOException {
        Recorded sink = new Recorded();
        ZipStream zip = new ZipStream(sink);
        zip.entry("cameras/Dock/clip.mp4", MODIFIED, new byte[] {1});
        long before = zip.bytesWritten();
        for (String name : List.of("../etc/passwd", "/abs", "cameras/dock/clip.mp4", "cameras/Dock/clip.mp4")) {
            MediaException refused = assertThrows(MediaException.class, () -> zip.beginEntry(name, MODIFIED));
            assertEquals(MediaError.ZIP_NAME_REFUSED, refused.error(), name);
        }
        assertEquals(before, zip.bytesWritten());
        assertEquals(before, sink.bytes.size());
        zip.entry("cameras/yard/clip.mp4", MODIFIED, new byte[] {2});
        zip.finish();
        assertEquals(2, zip.entryCount());
    }

    @Test
    void callsOutOfOrderAreProgrammingErrors() throws IOException {
        ZipStream zip = new ZipStream(new Recorded());
        assertThrows(IllegalStateException.class, () -> zip.write(new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, zip::endEntry);
        zip.beginEntry("a", MODIFIED);
        assertThrows(IllegalStateException.class, () -> zip.beginEntry("b", MODIFIED));
        assertThrows(IllegalStateException.class, zip::finish);
        zip.endEntry();
        zip.finish();
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> zip.beginEntry("c", MODIFIED));
        assertTrue(after.getMessage().contains("after finish"), after.getMessage());
    }

    @Test
    void aSinkThatFailsLeavesTheArchiveBroken() throws IOException {
        int[] calls = {0};
        ZipStream zip = new ZipStream(bytes -> {
            if (++calls[0] == 2) {
                throw new IOException("client went away");
            }
        });
        zip.beginEntry("a", MODIFIED);
        assertThrows(IOException.class, () -> zip.write(new byte[3], 0, 3));
        assertEquals(30 + 1 + 29, zip.bytesWritten(), "what the sink took");
        IllegalStateException broken = assertThrows(IllegalStateException.class, zip::endEntry);
        assertTrue(broken.getMessage().contains("broken"), broken.getMessage());
    }

    @Test
    void theCentralDirectoryInMemoryIsBoundedByEntries() throws IOException {
        ZipStream zip = new ZipStream(bytes -> {});
        for (int i = 0; i < ZipStream.MAX_ENTRIES; i++) {
            zip.entry("f" + i, MODIFIED, new byte[0]);
        }
        MediaException refused = assertThrows(MediaException.class, () -> zip.beginEntry("one-more", MODIFIED));
        assertEquals(MediaError.ZIP_TOO_MANY_ENTRIES, refused.error());
        zip.finish();
        assertEquals(ZipStream.MAX_ENTRIES, zip.entryCount());
    }

    @Test
    void theCentralDirectoryInMemoryIsBoundedByBytes() throws IOException {
        ZipStream zip = new ZipStream(bytes -> {});
        String longName = "n".repeat(60_000);
        int perEntry = 46 + 60_006 + 37;
        int fit = ZipStream.MAX_CENTRAL_DIRECTORY_BYTES / perEntry;
        for (int i = 0; i < fit; i++) {
            zip.entry(longName + String.format("%06d", i), MODIFIED, new byte[0]);
        }
        MediaException refused = assertThrows(MediaException.class, () -> zip.beginEntry(longName + "-last", MODIFIED));
        assertEquals(MediaError.ZIP_TOO_MANY_ENTRIES, refused.error());
        assertTrue(refused.getMessage().contains("central directory"), refused.getMessage());
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, offset, out, 0, length);
        return out;
    }
}
