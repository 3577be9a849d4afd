package io.vigil.archive.store;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The archive's view of object storage. Every method throws
 * {@link io.vigil.error.VigilException} with {@code STORAGE_UNAVAILABLE} when the store
 * cannot be reached, and {@code SEGMENT_NOT_FOUND} for a missing key on reads.
 */
public interface ObjectStore {

    /**
     * Stores {@code bytes} under {@code key} with user metadata; returns only once the store
     * acknowledged the write. Writing the same key again replaces the object.
     */
    void put(String key, byte[] bytes, String contentType, Map<String, String> metadata);

    /**
     * As {@link #put(String, byte[], String, Map)}, for bytes whose SHA-256 ({@code sha256Hex}, lower-case hex) the
     * caller already computed: a store that signs its payloads need not hash them again. The hash must be right: a
     * store that checks it refuses the object otherwise.
     */
    default void put(String key, byte[] bytes, String sha256Hex, String contentType, Map<String, String> metadata) {
        put(key, bytes, contentType, metadata);
    }

    /** The object's user metadata (keys lower-case), or empty if there is no such object. */
    Optional<Map<String, String>> metadata(String key);

    /** Deletes an object; deleting a missing one is not an error. */
    void delete(String key);

    /**
     * Deletes up to 1000 objects in one request (missing ones count as deleted). Returns the keys the store
     * refused, each with its reason; throws {@code STORAGE_UNAVAILABLE} when the request as a whole failed.
     */
    Map<String, String> deleteAll(List<String> keys);

    /**
     * Opens {@code lengthBytes} bytes of the object from {@code offsetBytes}; a negative length
     * reads to the end. The caller closes the stream.
     */
    InputStream read(String key, long offsetBytes, long lengthBytes);

    /**
     * Where the object's bytes are as a file on this machine, if the store keeps them so (the embedded store
     * does: it writes a temporary file and renames it, so a file there is always whole); empty for a remote
     * store. The file may be missing (no such object): callers check it, e.g. by its size. Readers that can
     * use a file avoid a round trip through the S3 API.
     */
    default Optional<java.nio.file.Path> localFile(String key) {
        return Optional.empty();
    }

    /** An object as listed. */
    record StoredObject(String key, long sizeBytes) {}

    /** True if at least one object's key starts with {@code prefix} (one short listing, not all of them). */
    boolean holdsAnyUnder(String prefix);

    /** Objects under {@code prefix}, in lexical key order. */
    List<StoredObject> list(String prefix);

    /** A URL that lets anyone holding it GET the object until {@code validFor} has passed. */
    String presignedGet(String key, java.time.Duration validFor);

    /** True if the store answers and the bucket exists. */
    boolean reachable();
}
