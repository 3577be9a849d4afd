package io.vigil.archive.read;

import io.vigil.archive.store.BoundedInputStream;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bytes of a {@link SegmentLocation} the {@link ArchiveReader} gave: from the spool file while it is there,
 * else from the embedded store's own file, else from the store; a segment uploaded and removed from the spool
 * meanwhile is read from the store.
 */
@Singleton
public class SegmentBytes {

    private static final int REMOTE_CHUNK_BYTES = 64 * 1024;

    private final ObjectStore store;

    public SegmentBytes(ObjectStore store) {
        this.store = store;
    }

    /** All its bytes (a few MB at most), read straight into an array of the indexed size. */
    public byte[] readAll(SegmentLocation located) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(located.sizeBytes()));
        int n = readInto(located, bytes);
        return n == bytes.capacity() ? bytes.array() : Arrays.copyOf(bytes.array(), n);
    }

    /**
     * Reads into {@code target} from its position, at most {@code target.remaining()} bytes (its indexed size);
     * returns how many. A local file is read by a file channel straight into {@code target}, so a direct buffer
     * gets the bytes without a copy through the heap; a remote object is copied in through a small chunk.
     */
    public int readInto(SegmentLocation located, ByteBuffer target) {
        int start = target.position();
        Optional<Path> file = localFile(located);
        if (file.isPresent()) {
            try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
                while (target.hasRemaining() && channel.read(target) >= 0) {
                    // until the target is full or the file ends
                }
                return target.position() - start;
            } catch (NoSuchFileException e) {
                // Uploaded and removed from the spool, or deleted by retention, meanwhile: ask the store.
                target.position(start);
            } catch (IOException e) {
                throw unreadable(located, e);
            }
        }
        try (InputStream in = store.read(located.key(), 0, target.remaining())) {
            if (target.hasArray()) {
                int n = in.readNBytes(target.array(), target.arrayOffset() + target.position(), target.remaining());
                target.position(target.position() + n);
            } else {
                byte[] chunk = new byte[Math.min(REMOTE_CHUNK_BYTES, Math.max(1, target.remaining()))];
                for (int n;
                        target.hasRemaining()
                                && (n = in.read(chunk, 0, Math.min(chunk.length, target.remaining()))) >= 0; ) {
                    target.put(chunk, 0, n);
                }
            }
            return target.position() - start;
        } catch (IOException e) {
            throw unreadable(located, e);
        }
    }

    /** Opens {@code lengthBytes} from {@code offsetBytes}. */
    public InputStream open(SegmentLocation located, long offsetBytes, long lengthBytes) {
        Optional<Path> file = localFile(located);
        if (file.isEmpty()) {
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
        try {
            return BoundedInputStream.ofFile(file.get(), offsetBytes, lengthBytes);
        } catch (IOException e) {
            // Uploaded and removed from the spool meanwhile: it is in the store now.
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
    }

    /** The spool file, else the embedded store's own file if it exists with the indexed size (one stat). */
    private Optional<Path> localFile(SegmentLocation located) {
        return located.spoolFile().or(() -> store.localFile(located.key()).filter(f -> sizeIs(f, located.sizeBytes())));
    }

    private static boolean sizeIs(Path file, long sizeBytes) {
        try {
            return Files.size(file) == sizeBytes;
        } catch (IOException e) {
            return false;
        }
    }

    private static VigilException unreadable(SegmentLocation located, IOException e) {
        return new VigilException(
                ErrorCode.STORAGE_UNAVAILABLE, "cannot read " + located.key() + ": " + e.getMessage(), e);
    }
}
