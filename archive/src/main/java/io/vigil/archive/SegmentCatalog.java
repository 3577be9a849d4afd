package io.vigil.archive;

import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpooledSegment;
import io.vigil.archive.store.ObjectStore;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The archive's read side: segments from the index, plus those still waiting in the spool, so live
 * viewing keeps working while the object store is down. Bytes come from the store or the spool file.
 */
@Singleton
public class SegmentCatalog {

    private final SegmentIndex index;
    private final SegmentSpool spool;
    private final ObjectStore store;

    public SegmentCatalog(SegmentIndex index, SegmentSpool spool, ObjectStore store) {
        this.index = index;
        this.spool = spool;
        this.store = store;
    }

    /** A segment's bytes and size, wherever they are now. */
    public record Located(String key, long sizeBytes, Optional<Path> spoolFile) {
    }

    /** The newest {@code count} segments of a camera, stored or spooled, oldest first. */
    public List<Segment> newest(String cameraId, int count) {
        TreeMap<Long, Segment> bySequence = new TreeMap<>();
        for (Segment s : index.newest(cameraId, count)) {
            bySequence.put(s.sequence(), s);
        }
        for (SpooledSegment s : spool.pending(cameraId)) {
            bySequence.put(s.segment().sequence(), s.segment());
        }
        List<Segment> all = new ArrayList<>(bySequence.values());
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** The camera's segments waiting in the spool, oldest first. */
    public List<Segment> spooled(String cameraId) {
        return spool.pending(cameraId).stream().map(SpooledSegment::segment).toList();
    }

    /** HLS discontinuity sequence of a playlist starting at {@code first}. */
    public long discontinuitySequence(Segment first) {
        return index.sessionsBefore(first.cameraId(), first.sequence());
    }

    /** A segment's row, from the index or, not yet uploaded, the spool. */
    public Optional<Segment> find(String cameraId, long sequence) {
        return index.find(cameraId, sequence).or(() -> spool.find(cameraId, sequence).map(SpooledSegment::segment));
    }

    public Optional<Located> segment(String cameraId, long sequence) {
        Optional<Segment> indexed = index.find(cameraId, sequence);
        if (indexed.isPresent()) {
            return Optional.of(new Located(indexed.get().objectKey(), indexed.get().sizeBytes(), Optional.empty()));
        }
        return spool.find(cameraId, sequence).map(s ->
                new Located(s.segment().objectKey(), s.segment().sizeBytes(), Optional.of(s.mediaFile())));
    }

    /**
     * Where a segment's bytes are, for a segment row already in hand: the spool if it is still there,
     * else the store. Unlike {@link #segment(String, long)} it asks the index nothing.
     */
    public Located locate(Segment s) {
        return spool.find(s.cameraId(), s.sequence())
                .map(sp -> new Located(s.objectKey(), s.sizeBytes(), Optional.of(sp.mediaFile())))
                .orElseGet(() -> new Located(s.objectKey(), s.sizeBytes(), Optional.empty()));
    }

    /**
     * All bytes of a located segment or init segment (a few MB at most), read straight into an array of the
     * indexed size (no growing buffers to copy).
     */
    public byte[] readAll(Located located) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(Math.toIntExact(located.sizeBytes()));
        int n = readInto(located, bytes);
        return n == bytes.capacity() ? bytes.array() : java.util.Arrays.copyOf(bytes.array(), n);
    }

    /**
     * Reads a located segment into {@code target} from its position, at most {@code target.remaining()} bytes
     * (its indexed size); returns how many. A local file (the spool's, or the embedded store's) is read by a
     * file channel straight into {@code target}, so a direct buffer gets the bytes without a copy through the
     * heap; a remote object is copied in through a small chunk.
     */
    public int readInto(Located located, java.nio.ByteBuffer target) {
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
                throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "cannot read " + located.key() + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = store.read(located.key(), 0, target.remaining())) {
            if (target.hasArray()) {
                int n = in.readNBytes(target.array(), target.arrayOffset() + target.position(), target.remaining());
                target.position(target.position() + n);
            } else {
                byte[] chunk = new byte[(int) Math.min(64 * 1024, Math.max(1, target.remaining()))];
                for (int n; target.hasRemaining() && (n = in.read(chunk, 0, Math.min(chunk.length, target.remaining()))) >= 0; ) {
                    target.put(chunk, 0, n);
                }
            }
            return target.position() - start;
        } catch (IOException e) {
            throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "cannot read " + located.key() + ": " + e.getMessage(), e);
        }
    }

    /** The spool file, else the embedded store's own file if it exists with the indexed size (one stat). */
    private Optional<Path> localFile(Located located) {
        return located.spoolFile().or(() -> store.localFile(located.key())
                .filter(f -> sizeIs(f, located.sizeBytes())));
    }

    private static boolean sizeIs(Path file, long sizeBytes) {
        try {
            return Files.size(file) == sizeBytes;
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<Located> initSegment(String cameraId, String initKey) {
        Optional<InitSegment> indexed = index.findInitSegment(initKey);
        if (indexed.isPresent()) {
            return Optional.of(new Located(initKey, indexed.get().sizeBytes(), Optional.empty()));
        }
        return spool.initFile(cameraId, initKey).flatMap(f -> {
            try {
                return Optional.of(new Located(initKey, Files.size(f), Optional.of(f)));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Opens {@code lengthBytes} from {@code offsetBytes} of a located segment. */
    public InputStream open(Located located, long offsetBytes, long lengthBytes) {
        Optional<Path> file = localFile(located);
        if (file.isEmpty()) {
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
        try {
            return io.vigil.archive.store.BoundedInputStream.ofFile(file.get(), offsetBytes, lengthBytes);
        } catch (IOException e) {
            // Uploaded and removed from the spool meanwhile: it is in the store now.
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
    }
}
