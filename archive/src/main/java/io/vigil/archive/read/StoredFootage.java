package io.vigil.archive.read;

import java.time.Instant;
import java.util.Objects;

/**
 * What the archive holds of one stream, from the index alone: the bytes its stored segments take, the footage they
 * encode and the minute its oldest one starts in (a segment still in the spool counts once it is stored).
 *
 * @param streamKey      the stream (glossary: stream key)
 * @param sizeBytes      the stored segments' bytes
 * @param durationMillis the footage they encode
 * @param oldestMinute   the start of the UTC minute the oldest stored segment starts in
 */
public record StoredFootage(String streamKey, long sizeBytes, long durationMillis, Instant oldestMinute) {

    public StoredFootage {
        Objects.requireNonNull(streamKey, "streamKey");
        Objects.requireNonNull(oldestMinute, "oldestMinute");
        if (sizeBytes < 0 || durationMillis < 0) {
            throw new IllegalArgumentException("sizes and durations are not negative");
        }
    }
}
