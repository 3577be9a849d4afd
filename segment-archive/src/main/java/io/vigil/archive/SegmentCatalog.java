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
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * indexed size (no growing buffers to copy: clip export reads every segment this way).
     */
    public byte[] readAll(Located located) {
        try (InputStream in = open(located, 0, located.sizeBytes())) {
            byte[] bytes = new byte[Math.toIntExact(located.sizeBytes())];
            int n = in.readNBytes(bytes, 0, bytes.length);
            return n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
        } catch (IOException e) {
            throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "cannot read " + located.key() + ": " + e.getMessage(), e);
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
        if (located.spoolFile().isEmpty()) {
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
        try {
            return io.vigil.archive.store.BoundedInputStream.ofFile(located.spoolFile().get(), offsetBytes, lengthBytes);
        } catch (IOException e) {
            // Uploaded and removed from the spool meanwhile: it is in the store now.
            return store.read(located.key(), offsetBytes, lengthBytes);
        }
    }
}
