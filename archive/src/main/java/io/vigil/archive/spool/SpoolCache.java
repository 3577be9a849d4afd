package io.vigil.archive.spool;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spool cache: the bytes of the newest spooled segments, kept in memory beside their files so the upload stores
 * the bytes the recorder handed over instead of reading back the files just written: at most
 * {@link #SEGMENTS_PER_CAMERA} per camera (its newest; an older one gives way) and {@code maxBytes} of media in all
 * (past that a segment is not cached), plus each camera's newest init segment. A segment not cached (the cache was
 * full, or the process restarted) is read back from its file. While the store is down the spool grows on disk, not on
 * the heap. No I/O here.
 */
final class SpoolCache {

    static final int SEGMENTS_PER_CAMERA = 2;

    @SuppressWarnings("ArrayRecordComponent") // the cache's own entry, never compared
    private record Init(String key, byte[] bytes) {}

    private final long maxBytes;
    private final Map<String, NavigableMap<Long, byte[]>> media = new HashMap<>();
    private final Map<String, Init> inits = new HashMap<>();
    private long cachedBytes;

    /** {@code maxBytes} 0 caches nothing. */
    SpoolCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("vigil.spool.cache-bytes must be >= 0");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * A segment was just spooled: keeps its bytes (the arrays themselves, which nobody changes once handed over)
     * unless they would not fit; the camera's older segments beyond the newest {@link #SEGMENTS_PER_CAMERA} give way
     * first. True if it is cached.
     */
    synchronized boolean keep(String cameraId, long sequence, byte[] mediaBytes, String initKey, byte[] init) {
        if (maxBytes == 0) {
            return false;
        }
        inits.put(cameraId, new Init(initKey, init));
        NavigableMap<Long, byte[]> camera = media.computeIfAbsent(cameraId, c -> new TreeMap<>());
        while (camera.size() >= SEGMENTS_PER_CAMERA) {
            cachedBytes -= camera.pollFirstEntry().getValue().length;
        }
        if (cachedBytes + mediaBytes.length > maxBytes) {
            return false;
        }
        byte[] replaced = camera.put(sequence, mediaBytes);
        cachedBytes += mediaBytes.length - (replaced == null ? 0 : replaced.length);
        return true;
    }

    /** The cached bytes of a segment, if cached. */
    synchronized Optional<byte[]> media(String cameraId, long sequence) {
        NavigableMap<Long, byte[]> camera = media.get(cameraId);
        return camera == null ? Optional.empty() : Optional.ofNullable(camera.get(sequence));
    }

    /** The camera's cached init segment, if it is the one named {@code initKey}. */
    synchronized Optional<byte[]> init(String cameraId, String initKey) {
        Init init = inits.get(cameraId);
        return init != null && init.key().equals(initKey) ? Optional.of(init.bytes()) : Optional.empty();
    }

    /** The segment left the spool: its bytes are no longer cached. */
    synchronized void release(String cameraId, long sequence) {
        NavigableMap<Long, byte[]> camera = media.get(cameraId);
        byte[] released = camera == null ? null : camera.remove(sequence);
        if (released != null) {
            cachedBytes -= released.length;
        }
    }

    /** Bytes of media segments cached. */
    synchronized long cachedBytes() {
        return cachedBytes;
    }
}
