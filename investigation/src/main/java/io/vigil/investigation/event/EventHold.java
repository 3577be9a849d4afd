package io.vigil.investigation.event;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The footage an event holds: {@code [start, end)} on each of its cameras, one hold per camera (see
 * {@code /api/holds}).
 *
 * @param holdIds each camera's hold id
 */
@Serdeable
public record EventHold(Instant start, Instant end, Map<String, String> holdIds) {

    public EventHold {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        holdIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(holdIds));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a hold ends after it starts");
        }
    }
}
