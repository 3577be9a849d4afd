package io.vigil.archive.read;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a segment's or init segment's bytes are now: the object {@code key} in the store and, while it waits
 * there, its file in the spool.
 *
 * @param sizeBytes its size as indexed (or as spooled)
 */
public record SegmentLocation(String key, long sizeBytes, Optional<Path> spoolFile) {

    public SegmentLocation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spoolFile, "spoolFile");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
    }

    static SegmentLocation stored(String key, long sizeBytes) {
        return new SegmentLocation(key, sizeBytes, Optional.empty());
    }

    static SegmentLocation spooled(String key, long sizeBytes, Path file) {
        return new SegmentLocation(key, sizeBytes, Optional.of(file));
    }
}
