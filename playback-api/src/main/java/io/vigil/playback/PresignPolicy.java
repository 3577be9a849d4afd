package io.vigil.playback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a presigned segment URL may stay valid ({@code vigil.playback.delivery: presigned}). Pure. A URL is a bearer
 * key to one object that the store honours without asking Vigil, so it must not outlive what its holder may see:
 * at most {@code validity} (a few minutes, at most {@link #MAX_VALIDITY}); and in a live playlist, which viewers
 * read, never past the moment the segment stops being live ({@code liveSegmentAge} after its start). A segment too
 * close to that moment is not presigned at all: its URL goes through Vigil, which applies the role's rule.
 *
 * @param validity       {@code vigil.playback.presigned-validity}
 * @param liveSegmentAge {@code vigil.security.live-segment-age}: how long a segment counts as live for viewers
 */
public record PresignPolicy(Duration validity, Duration liveSegmentAge) {

    /** The longest validity a presigned URL may have. */
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(10);
    /** The shortest a presigned URL is worth handing out (the store counts whole seconds). */
    static final Duration MIN_VALIDITY = Duration.ofSeconds(1);

    public PresignPolicy {
        requireValidity(validity);
        if (liveSegmentAge.isNegative() || liveSegmentAge.isZero()) {
            throw new IllegalArgumentException("the live segment age must be positive");
        }
    }

    /** Refuses a {@code vigil.playback.presigned-validity} outside 1 s to {@link #MAX_VALIDITY}. */
    static void requireValidity(Duration validity) {
        if (validity == null || validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException(
                    "vigil.playback.presigned-validity must be 1 s to 10 min (a presigned URL lets "
                            + "anyone holding it fetch the segment without Vigil's access rules or audit), was "
                            + validity);
        }
    }

    /**
     * The validity of a presigned URL for a segment starting at {@code segmentStart}, handed out at {@code now} in a
     * live playlist ({@code live}) or a range playlist; empty: list it through Vigil instead.
     */
    public Optional<Duration> validity(Instant segmentStart, Instant now, boolean live) {
        if (!live) {
            return Optional.of(validity);
        }
        Duration untilNoLongerLive = Duration.between(now, segmentStart.plus(liveSegmentAge));
        Duration whole = Duration.ofSeconds(untilNoLongerLive.toSeconds()); // rounded down: never past the limit
        if (whole.compareTo(MIN_VALIDITY) < 0) {
            return Optional.empty();
        }
        return Optional.of(whole.compareTo(validity) < 0 ? whole : validity);
    }
}
