package io.vigil.access.share;

import java.time.Instant;
import java.util.Objects;

/** What a share link opens: one camera's footage in {@code [start, end)}, until {@code expires}. */
public record ShareGrant(String id, String cameraId, Instant start, Instant end, Instant expires) {

    public ShareGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a share's end must be after its start");
        }
        Objects.requireNonNull(expires, "expires");
        if (id.contains(".") || cameraId.contains(".")) {
            throw new IllegalArgumentException("ids must not contain '.'");
        }
    }

    /** Whether {@code [from, to)} overlaps the shared range. */
    public boolean overlaps(Instant from, Instant to) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
