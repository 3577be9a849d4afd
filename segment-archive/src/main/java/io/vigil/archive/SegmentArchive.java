package io.vigil.archive;

import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.store.ObjectStore;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes into the archive: the object first, the index row only once the store has
 * acknowledged it, so the index never points at an object that does not exist.
 */
@Singleton
public class SegmentArchive {

    public static final String MEDIA_SEGMENT_TYPE = "video/iso.segment";
    public static final String INIT_SEGMENT_TYPE = "video/mp4";

    private final ObjectStore store;
    private final SegmentIndex index;
    private final Clock clock;

    public SegmentArchive(ObjectStore store, SegmentIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /** Stores an init segment (once per distinct content) and returns its index entry. */
    public InitSegment storeInit(String cameraId, byte[] bytes, String codecs) {
        String key = ObjectKeys.initSegment(cameraId, sha256(bytes));
        var known = index.findInitSegment(key);
        if (known.isPresent()) {
            return known.get();
        }
        store.put(key, bytes, INIT_SEGMENT_TYPE);
        InitSegment init = new InitSegment(key, cameraId, bytes.length, codecs, clock.instant());
        index.addInitSegment(init);
        return init;
    }

    /** Stores a media segment's bytes and indexes it; returns the index entry. */
    public Segment storeSegment(String cameraId, String sessionId, long sequence, Instant start, int durationMillis,
                                byte[] bytes, String initKey, boolean keyframeStart) {
        String key = ObjectKeys.mediaSegment(cameraId, start, sequence);
        Segment segment = new Segment(cameraId, sequence, sessionId, start, durationMillis, bytes.length, key,
                initKey, keyframeStart);
        store.put(key, bytes, MEDIA_SEGMENT_TYPE);
        index.add(segment);
        return segment;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
