package io.vigil.archive.spool;

import io.vigil.archive.index.Segment;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.OwnerOnlyDirectory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments on local disk between the recorder and the object store:
 * {@code {dir}/{camera}/{sequence}.m4s} with a {@code .properties} file holding its future index row,
 * and {@code {dir}/{camera}/init/{name}.mp4}. Files are written to a temporary name and renamed, the
 * properties last, so a crash leaves either a complete entry or debris that start-up removes.
 * Bounded: when full, the oldest unsent segment is dropped, counted and logged; writing never waits.
 * Every path is resolved inside the spool directory from a valid stream key ({@link io.vigil.kernel.StreamKey}, {@link SpoolLayout}): a malformed id
 * or key never names a file elsewhere. The directory is owner-only (0700). The newest segments' bytes are also kept in
 * memory ({@link SpoolCache}, {@code vigil.spool.cache-bytes}), so the upload rarely reads a file back.
 */
@Singleton
public class SegmentSpool {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentSpool.class);

    private final SpoolConfig config;
    private final Path root;
    private final SpoolLayout layout;
    private final Map<String, NavigableMap<Long, SpooledSegment>> entries = new ConcurrentHashMap<>();
    private final SpoolCache cache;
    /** How many spooled segments use each init file: it is deleted with its last one. Guarded by {@code this}. */
    private final Map<Path, Integer> initUsers = new HashMap<>();
    /** One per camera: its spool thread's writes and its upload thread's removals take turns on its files. */
    private final Map<String, Object> cameraLocks = new ConcurrentHashMap<>();

    private final AtomicLong readBacks = new AtomicLong();
    private long sizeBytes;
    private long dropped;
    private volatile String lastWriteError;

    public SegmentSpool(SpoolConfig config) {
        this.config = config;
        this.root = config.directory().toAbsolutePath().normalize();
        this.layout = new SpoolLayout(root);
        this.cache = new SpoolCache(config.cacheBytes());
        try {
            OwnerOnlyDirectory.prepare(root);
        } catch (IOException e) {
            lastWriteError = e.toString();
            LOG.error("Spool directory {} cannot be made owner-only: {}", root, e.toString());
        }
        load();
    }

    /**
     * Spools a finished segment and, if not there yet, its init segment; caches their bytes in memory if there is room
     * (the arrays themselves: the caller changes them no more). The files are written holding only the camera's own
     * lock (its spool and upload threads take turns; other cameras do not wait): the spool's lock guards its books,
     * never a disk write. Measured: with the files written under the spool's one lock, 200 cameras' segments queued
     * behind each other's writes (about 50 a second in all) and the spool grew without end.
     */
    public SpooledSegment add(Segment segment, String codecs, byte[] media, byte[] init) {
        Path initFile = layout.fileOf(segment.cameraId(), "init", SpoolLayout.fileName(segment.initKey()))
                .orElseThrow(() ->
                        new VigilException(ErrorCode.INTERNAL, "segment " + segment.sequence() + " has no spool path"));
        Path mediaFile = layout.fileOf(segment.cameraId(), SpoolLayout.mediaName(segment.sequence()))
                .orElseThrow();
        synchronized (cameraLock(segment.cameraId())) {
            boolean writeInit = !Files.exists(initFile);
            long bytes = (long) media.length + (writeInit ? init.length : 0);
            makeRoom(bytes).forEach(this::deleteDropped);
            try {
                if (writeInit) {
                    SpoolFiles.write(initFile, init, config.fsync());
                }
                SpoolFiles.write(mediaFile, media, config.fsync());
                SpoolFiles.writeProperties(
                        SpoolLayout.propertiesOf(mediaFile), SpoolLayout.toProperties(segment, codecs));
            } catch (IOException e) {
                synchronized (this) {
                    sizeBytes -= bytes;
                }
                lastWriteError = e.toString();
                throw new VigilException(
                        ErrorCode.STORAGE_UNAVAILABLE,
                        "cannot spool segment " + segment.sequence() + " of camera " + segment.cameraId() + ": "
                                + e.getMessage(),
                        e);
            }
            // cached before it is tracked: an upload that sees the segment finds its bytes, never reads the file back
            cache.keep(segment.cameraId(), segment.sequence(), media, segment.initKey(), init);
            SpooledSegment spooled = new SpooledSegment(segment, codecs, mediaFile, initFile);
            synchronized (this) {
                track(spooled);
            }
            lastWriteError = null;
            return spooled;
        }
    }

    /** The camera's spooled segments, oldest first. */
    public List<SpooledSegment> pending(String cameraId) {
        NavigableMap<Long, SpooledSegment> m = entries.get(cameraId);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    /** The camera's oldest spooled segment with a sequence above {@code afterSequence} (-1: the oldest of all). */
    public Optional<SpooledSegment> next(String cameraId, long afterSequence) {
        NavigableMap<Long, SpooledSegment> m = entries.get(cameraId);
        return m == null
                ? Optional.empty()
                : Optional.ofNullable(m.higherEntry(afterSequence)).map(Map.Entry::getValue);
    }

    /** How many of the camera's segments are spooled (without copying them). */
    public int pendingCount(String cameraId) {
        NavigableMap<Long, SpooledSegment> m = entries.get(cameraId);
        return m == null ? 0 : m.size();
    }

    /** The segment's bytes: cached since it was spooled, else read back from its file (counted). */
    public byte[] mediaBytes(SpooledSegment s) throws IOException {
        Optional<byte[]> cached =
                cache.media(s.segment().cameraId(), s.segment().sequence());
        return cached.isPresent() ? cached.get() : readBack(s.mediaFile());
    }

    /**
     * The segment's bytes as the recorder handed them over, if still cached: the very bytes its SHA-256 was computed
     * from. Empty when they would have to be read back from the file, which may have changed since.
     */
    public Optional<byte[]> handedOverMedia(SpooledSegment s) {
        return cache.media(s.segment().cameraId(), s.segment().sequence());
    }

    /** The segment's init segment: cached, else read back from its file (counted). */
    public byte[] initBytes(SpooledSegment s) throws IOException {
        Optional<byte[]> cached = cache.init(s.segment().cameraId(), s.segment().initKey());
        return cached.isPresent() ? cached.get() : readBack(s.initFile());
    }

    /** Files the upload read back from the spool because their bytes were not cached, since start. */
    public long readBacks() {
        return readBacks.get();
    }

    /** Bytes of media segments in the spool cache. */
    public long cachedBytes() {
        return cache.cachedBytes();
    }

    private byte[] readBack(Path file) throws IOException {
        readBacks.incrementAndGet();
        return Files.readAllBytes(file);
    }

    public Optional<SpooledSegment> find(String cameraId, long sequence) {
        NavigableMap<Long, SpooledSegment> m = entries.get(cameraId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(sequence));
    }

    /** The spooled file of an init segment, if a spooled segment of the camera needs it. */
    public Optional<Path> initFile(String cameraId, String initKey) {
        return layout.fileOf(cameraId, "init", SpoolLayout.fileName(initKey)).filter(Files::exists);
    }

    /** Where the spool would keep this camera's file; see {@link SpoolLayout#fileOf}. */
    Optional<Path> fileOf(String cameraId, String... names) {
        return layout.fileOf(cameraId, names);
    }

    /** Highest spooled sequence of the camera, or -1. */
    public long maxSequence(String cameraId) {
        NavigableMap<Long, SpooledSegment> m = entries.get(cameraId);
        return m == null || m.isEmpty() ? -1 : m.lastKey();
    }

    /** Removes a segment that the store and index now have, and its init file once no one needs it. */
    public void remove(SpooledSegment s) {
        String camera = s.segment().cameraId();
        synchronized (cameraLock(camera)) {
            boolean lastOfInit;
            synchronized (this) {
                NavigableMap<Long, SpooledSegment> m = entries.get(camera);
                if (m == null || m.remove(s.segment().sequence()) == null) {
                    return; // removed already, or dropped to make room
                }
                lastOfInit = initUsers.merge(s.initFile(), -1, Integer::sum) <= 0;
                if (lastOfInit) {
                    initUsers.remove(s.initFile());
                }
            }
            cache.release(camera, s.segment().sequence());
            long freed = SpoolFiles.delete(s.mediaFile());
            SpoolFiles.delete(SpoolLayout.propertiesOf(s.mediaFile()));
            if (lastOfInit) {
                freed += SpoolFiles.delete(s.initFile());
            }
            synchronized (this) {
                sizeBytes -= freed;
            }
        }
    }

    private Object cameraLock(String cameraId) {
        return cameraLocks.computeIfAbsent(cameraId, c -> new Object());
    }

    /** Indexes a spooled segment in memory; called holding {@code this}, or from the constructor. */
    private void track(SpooledSegment s) {
        SpooledSegment replaced = entries.computeIfAbsent(s.segment().cameraId(), c -> new ConcurrentSkipListMap<>())
                .put(s.segment().sequence(), s);
        initUsers.merge(s.initFile(), 1, Integer::sum);
        if (replaced != null) {
            initUsers.merge(replaced.initFile(), -1, Integer::sum);
        }
    }

    public Set<String> cameras() {
        return Set.copyOf(entries.keySet());
    }

    public synchronized long sizeBytes() {
        return sizeBytes;
    }

    public int count() {
        return entries.values().stream().mapToInt(Map::size).sum();
    }

    /** Segments dropped because the spool was full, since start. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The last error writing to the spool, or null if the last write worked. */
    public String lastWriteError() {
        return lastWriteError;
    }

    /**
     * Counts {@code needed} bytes in, dropping the oldest unsent segments (of any camera) from the books while they
     * would not fit; returns those dropped, whose files the caller deletes: their media files only, an init file stays
     * (its camera may be writing a segment that needs it; it is small, and goes with that camera's next removal or at
     * start-up).
     */
    private synchronized List<SpooledSegment> makeRoom(long needed) {
        List<SpooledSegment> droppedNow = new ArrayList<>();
        while (sizeBytes + needed > config.maxBytes()) {
            Optional<SpooledSegment> oldest = entries.values().stream()
                    .filter(m -> !m.isEmpty())
                    .map(NavigableMap::firstEntry)
                    .map(Map.Entry::getValue)
                    .min(Comparator.comparing(s -> s.segment().start()));
            if (oldest.isEmpty()) {
                break;
            }
            Segment victim = oldest.get().segment();
            entries.get(victim.cameraId()).remove(victim.sequence());
            initUsers.merge(oldest.get().initFile(), -1, Integer::sum);
            cache.release(victim.cameraId(), victim.sequence());
            sizeBytes -= victim.sizeBytes();
            droppedNow.add(oldest.get());
            dropped++;
            LOG.error(
                    "Spool full ({} bytes): dropped unsent segment {} of camera {} starting {}",
                    config.maxBytes(),
                    victim.sequence(),
                    victim.cameraId(),
                    victim.start());
        }
        sizeBytes += needed;
        return droppedNow;
    }

    private void deleteDropped(SpooledSegment s) {
        SpoolFiles.delete(s.mediaFile());
        SpoolFiles.delete(SpoolLayout.propertiesOf(s.mediaFile()));
    }

    private void load() {
        SpoolLeftovers left = SpoolLeftovers.scan(root, layout);
        left.segments().forEach(this::track);
        sizeBytes += left.sizeBytes();
        if (count() > 0) {
            LOG.info(
                    "Spool holds {} segment(s), {} bytes, from before the last stop; uploading them",
                    count(),
                    sizeBytes);
        }
    }
}
