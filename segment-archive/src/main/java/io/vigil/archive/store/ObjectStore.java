package io.vigil.archive.store;

import java.io.InputStream;
import java.util.List;

/**
 * The archive's view of object storage. Every method throws
 * {@link io.vigil.error.VigilException} with {@code STORAGE_UNAVAILABLE} when the store
 * cannot be reached, and {@code SEGMENT_NOT_FOUND} for a missing key on reads.
 */
public interface ObjectStore {

    /** Stores {@code bytes} under {@code key}; returns only once the store acknowledged the write. */
    void put(String key, byte[] bytes, String contentType);

    /**
     * Opens {@code lengthBytes} bytes of the object from {@code offsetBytes}; a negative length
     * reads to the end. The caller closes the stream.
     */
    InputStream read(String key, long offsetBytes, long lengthBytes);

    /** Keys under {@code prefix}, in lexical order. */
    List<String> list(String prefix);

    /** True if the store answers and the bucket exists. */
    boolean reachable();
}
