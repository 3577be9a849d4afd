package io.vigil.archive.read;

import io.vigil.archive.index.ListedSegment;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a playlist lists of one camera: its segments, oldest first, stored and spooled already merged, and which
 * of them (and which init segments) still wait in the spool, so a playlist can address those through Vigil
 * rather than the store without asking the spool again.
 *
 * @param spooledSequences sequence numbers of the camera's segments still in the spool (listed or not)
 * @param spooledInitKeys  init segments of the camera's spooled segments (not all stored yet)
 */
public record Listing(
        String cameraId, List<ListedSegment> segments, Set<Long> spooledSequences, Set<String> spooledInitKeys) {

    public Listing {
        Objects.requireNonNull(cameraId, "cameraId");
        segments = List.copyOf(segments);
        spooledSequences = Set.copyOf(spooledSequences);
        spooledInitKeys = Set.copyOf(spooledInitKeys);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** True while the listed segment waits in the spool (not in the store yet). */
    public boolean isSpooled(ListedSegment segment) {
        return spooledSequences.contains(segment.sequence());
    }

    /** True while the init segment may not be in the store yet. */
    public boolean isSpooledInit(String initKey) {
        return spooledInitKeys.contains(initKey);
    }
}
