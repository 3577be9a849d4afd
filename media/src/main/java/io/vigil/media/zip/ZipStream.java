package io.vigil.media.zip;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A ZIP archive written front to back into a {@link Sink}, never looking back: for an HTTP response of any size, with
 * no temporary file. Entries are STORED (video does not compress) and may be of any size: their CRC-32 and size follow
 * their data, every entry is a ZIP64 entry, and the end has the ZIP64 record when the archive needs it
 * ({@link ZipHeaders} has the layout). {@link #beginEntry}, any number of {@link #write}s, {@link #endEntry}, and
 * {@link #finish} once at the end; {@link #entry} does the three for bytes at hand.
 *
 * <p>An entry's data is never buffered: each write goes to the sink as it is. What is kept until {@link #finish} is
 * the central directory, at most {@link #MAX_ENTRIES} entries and {@link #MAX_CENTRAL_DIRECTORY_BYTES} (about 100 bytes
 * a short name), refused beyond with {@link MediaError#ZIP_TOO_MANY_ENTRIES}. Names are checked ({@link EntryName}),
 * and one already written (ignoring case) is refused with {@link MediaError#ZIP_NAME_REFUSED}; a refused entry
 * writes nothing and leaves the archive as it was. A sink that throws leaves the archive broken: every later call
 * throws {@link IllegalStateException}. Not thread-safe: one writer at a time.
 */
public final class ZipStream {

    /** The most entries an archive holds: past 65,535, so the ZIP64 count is used, and bounded. */
    public static final int MAX_ENTRIES = 100_000;

    /** The most bytes of central directory kept in memory until {@link #finish}. */
    public static final int MAX_CENTRAL_DIRECTORY_BYTES = 16 << 20;

    /** Where the archive's bytes go, in order. */
    @FunctionalInterface
    public interface Sink {

        /**
         * Takes the bytes between {@code bytes}' position and limit, never none. The buffer is valid only during the
         * call (an entry's data is the caller's own buffer): consume or copy it before returning.
         */
        void write(ByteBuffer bytes) throws IOException;

        /** A sink writing to {@code out} (which it does not close). */
        static Sink of(OutputStream out) {
            Objects.requireNonNull(out, "out");
            return bytes -> {
                if (bytes.hasArray()) {
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.duplicate().get(copy);
                    out.write(copy);
                }
            };
        }
    }

    private enum State {
        BETWEEN_ENTRIES,
        IN_ENTRY,
        FINISHED,
        BROKEN
    }

    private final Sink sink;
    private final Set<String> namesFolded = new HashSet<>();
    private byte[] central = new byte[1024];
    private int centralSizeBytes;
    private int entries;
    private long bytesWritten;
    private State state = State.BETWEEN_ENTRIES;
    private OpenEntry open;

    /** The entry being written: where its local header starts, its data's CRC-32 and size so far. */
    private static final class OpenEntry {
        final EntryName name;
        final Instant modified;
        final long offset;
        final CRC32 crc = new CRC32();
        long sizeBytes;

        OpenEntry(EntryName name, Instant modified, long offset) {
            this.name = name;
            this.modified = modified;
            this.offset = offset;
        }
    }

    public ZipStream(Sink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Starts an entry: writes its local header.
     *
     * @param name a relative path, {@code /} between its segments ({@link EntryName} has the rules)
     * @param modified its modification time (headers hold it to the even second in UTC, and to the second)
     * @throws MediaException a refused name, or one entry too many; nothing was written
     */
    public void beginEntry(String name, Instant modified) throws IOException {
        require(State.BETWEEN_ENTRIES, "beginEntry");
        Objects.requireNonNull(modified, "modified");
        EntryName checked = EntryName.of(name);
        String folded = checked.value().toLowerCase(Locale.ROOT);
        if (namesFolded.contains(folded)) {
            throw EntryName.refused(name, "is already in the archive (ignoring case)");
        }
        if (entries >= MAX_ENTRIES) {
            throw new MediaException(MediaError.ZIP_TOO_MANY_ENTRIES, "an archive holds at most " + MAX_ENTRIES);
        }
        if ((long) centralSizeBytes + ZipHeaders.centralBytes(checked, modified) > MAX_CENTRAL_DIRECTORY_BYTES) {
            throw new MediaException(
                    MediaError.ZIP_TOO_MANY_ENTRIES,
                    "an archive's central directory holds at most " + MAX_CENTRAL_DIRECTORY_BYTES + " bytes");
        }
        namesFolded.add(folded);
        open = new OpenEntry(checked, modified, bytesWritten);
        state = State.IN_ENTRY;
        emit(ByteBuffer.wrap(ZipHeaders.local(checked, modified)));
    }

    /** Writes the bytes between {@code data}'s position and limit into the open entry; its position moves to limit. */
    public void write(ByteBuffer data) throws IOException {
        require(State.IN_ENTRY, "write");
        ByteBuffer out = data.duplicate();
        open.sizeBytes += data.remaining();
        open.crc.update(data);
        emit(out);
    }

    /** Writes {@code length} bytes of {@code bytes} from {@code offset} into the open entry. */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        write(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Ends the open entry: writes its data descriptor, and keeps its central directory header for the end. */
    public void endEntry() throws IOException {
        require(State.IN_ENTRY, "endEntry");
        OpenEntry entry = open;
        int crc = (int) entry.crc.getValue();
        byte[] header = ZipHeaders.central(entry.name, entry.modified, crc, entry.sizeBytes, entry.offset);
        if (centralSizeBytes + header.length > central.length) {
            central = Arrays.copyOf(central, Math.max(central.length * 2, centralSizeBytes + header.length));
        }
        System.arraycopy(header, 0, central, centralSizeBytes, header.length);
        centralSizeBytes += header.length;
        entries++;
        open = null;
        state = State.BETWEEN_ENTRIES;
        emit(ByteBuffer.wrap(ZipHeaders.dataDescriptor(crc, entry.sizeBytes)));
    }

    /** One whole entry of {@code content}: {@link #beginEntry}, {@link #write}, {@link #endEntry}. */
    public void entry(String name, Instant modified, byte[] content) throws IOException {
        beginEntry(name, modified);
        write(content, 0, content.length);
        endEntry();
    }

    /** Ends the archive: writes the central directory and the end records. Nothing may be written after. */
    public void finish() throws IOException {
        require(State.BETWEEN_ENTRIES, "finish");
        long centralOffset = bytesWritten;
        state = State.FINISHED;
        emit(ByteBuffer.wrap(central, 0, centralSizeBytes));
        emit(ByteBuffer.wrap(ZipHeaders.end(entries, centralOffset, centralSizeBytes)));
        central = new byte[0];
    }

    /** An entry as planned, for {@link #sizeBytes}. */
    public record PlannedEntry(String name, Instant modified, long sizeBytes) {
        public PlannedEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(modified, "modified");
            if (sizeBytes < 0) {
                throw new IllegalArgumentException("sizeBytes " + sizeBytes + " < 0");
            }
        }
    }

    /**
     * The exact size of the archive of these entries, in this order, once {@link #finish}ed: for a Content-Length
     * before the first byte (the data's size is all the writer does not know beforehand). Names checked as
     * {@link #beginEntry} checks them.
     */
    public static long sizeBytes(List<PlannedEntry> entries) {
        long localBytes = 0;
        long centralBytes = 0;
        for (PlannedEntry e : entries) {
            EntryName name = EntryName.of(e.name());
            localBytes += ZipHeaders.localBytes(name, e.modified()) + e.sizeBytes() + ZipHeaders.DESCRIPTOR_BYTES;
            centralBytes += ZipHeaders.centralBytes(name, e.modified());
        }
        return localBytes + centralBytes + ZipHeaders.endBytes(entries.size(), localBytes, centralBytes);
    }

    /** How many bytes went to the sink so far: the archive's size once {@link #finish}ed. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** How many entries were ended so far. */
    public int entryCount() {
        return entries;
    }

    /** Hands bytes to the sink; never an empty buffer (an empty chunk ends some HTTP bodies). */
    private void emit(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        if (length == 0) {
            return;
        }
        try {
            sink.write(bytes);
        } catch (IOException | RuntimeException e) {
            state = State.BROKEN;
            throw e;
        }
        bytesWritten += length;
    }

    private void require(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException(call + " called " + describe(state));
        }
    }

    private static String describe(State state) {
        return switch (state) {
            case BETWEEN_ENTRIES -> "with no entry open";
            case IN_ENTRY -> "with an entry open";
            case FINISHED -> "after finish";
            case BROKEN -> "after the sink failed: the archive is broken";
        };
    }
}
