package io.vigil.retention.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reasons to refuse deleting anything, because the index or the clock looks wrong: a clock that jumped by more
 * than a day would make age retention delete days of footage at once; an empty index beside a store full of
 * recordings means the index was lost, not that there is nothing to keep. Pure.
 */
public final class RunSafety {

    /** A clock that moved this far from what it should read is not trusted. */
    public static final Duration MAX_CLOCK_JUMP = Duration.ofDays(1);

    private RunSafety() {}

    /**
     * What the check looks at.
     *
     * @param now                 the wall clock now
     * @param newestRecordingEnd  end of the newest indexed segment, if any
     * @param lastRunStart        start of the previous run, if any (from the run records)
     * @param wallSinceCheck      wall-clock time since this process's previous check, if it made one
     * @param monotonicSinceCheck monotonic time since that check
     * @param indexEmpty          no segment row at all
     * @param storeHoldsSegments  the object store holds media segments
     */
    public record Facts(
            Instant now,
            Optional<Instant> newestRecordingEnd,
            Optional<Instant> lastRunStart,
            Optional<Duration> wallSinceCheck,
            Duration monotonicSinceCheck,
            boolean indexEmpty,
            boolean storeHoldsSegments) {}

    /** Why this run must not delete, or empty if it may. */
    public static Optional<String> refusal(Facts f) {
        if (f.lastRunStart().isPresent()
                && f.lastRunStart().get().isAfter(f.now().plus(MAX_CLOCK_JUMP))) {
            return Optional.of("the clock reads " + f.now() + ", more than a day before the previous run started ("
                    + f.lastRunStart().get() + "): it jumped back");
        }
        if (f.newestRecordingEnd().isPresent()
                && f.newestRecordingEnd().get().isAfter(f.now().plus(MAX_CLOCK_JUMP))) {
            return Optional.of(
                    "the newest recording ends at " + f.newestRecordingEnd().get()
                            + ", more than a day after the clock's " + f.now() + ": the clock jumped back");
        }
        if (f.wallSinceCheck().isPresent()
                && f.wallSinceCheck().get().minus(f.monotonicSinceCheck()).abs().compareTo(MAX_CLOCK_JUMP) > 0) {
            return Optional.of("the wall clock moved " + f.wallSinceCheck().get() + " while " + f.monotonicSinceCheck()
                    + " passed: it jumped");
        }
        if (f.indexEmpty() && f.storeHoldsSegments()) {
            return Optional.of("the index has no segments but the object store holds recordings: the index looks lost; "
                    + "restore it or let start-up reconciliation re-index, nothing is deleted meanwhile");
        }
        return Optional.empty();
    }
}
