package io.vigil.cluster;

import io.vigil.camera.Camera;
import io.vigil.camera.CameraRepository;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.hook.SequenceReservations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A camera's segment sequence numbers as its one lease floor covers them: every stream the camera has (the archive
 * numbers each stream key on its own) takes its numbers from at least the floor, and the floor a holder writes is
 * above the numbering of each. So a take-over never numbers a sub stream's segment as one the previous holder still
 * has in its spool. Which cameras have a sub stream is read from the registry at most once a second.
 */
@Singleton
class CameraSequences {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final SequenceReservations sequences;
    private final Predicate<String> hasSub;

    @Inject
    CameraSequences(SequenceReservations sequences, CameraRepository cameras, Clock clock) {
        this(sequences, new CamerasWithSub(cameras, clock)::contains);
    }

    /** @param hasSub whether a camera has a sub stream */
    CameraSequences(SequenceReservations sequences, Predicate<String> hasSub) {
        this.sequences = sequences;
        this.hasSub = hasSub;
    }

    /** Makes every stream of the camera number from at least {@code floor}. */
    void claim(String cameraId, long floor) {
        keys(cameraId).forEach(key -> sequences.claimSequences(key, floor));
    }

    /** The exact floor: above every number any of the camera's streams used, once their segments are numbered. */
    long next(String cameraId) {
        return max(cameraId, sequences::nextSequence);
    }

    /** The floor as last seen, without waiting for segments being numbered. */
    long nextNow(String cameraId) {
        return max(cameraId, sequences::nextSequenceNow);
    }

    private long max(String cameraId, ToLongFunction<String> next) {
        return keys(cameraId).stream().mapToLong(next).max().orElseThrow();
    }

    private List<String> keys(String cameraId) {
        return hasSub.test(cameraId)
                ? List.of(cameraId, StreamKey.of(cameraId, StreamName.SUB).value())
                : List.of(cameraId);
    }

    /** The cameras with a sub stream, as the registry says, read again when older than a second. */
    private static final class CamerasWithSub {
        private final CameraRepository cameras;
        private final Clock clock;
        private Set<String> ids = Set.of();
        private Instant readAt = Instant.MIN;

        CamerasWithSub(CameraRepository cameras, Clock clock) {
            this.cameras = cameras;
            this.clock = clock;
        }

        synchronized boolean contains(String cameraId) {
            Instant now = clock.instant();
            if (readAt.equals(Instant.MIN)
                    || Duration.between(readAt, now).compareTo(FRESH) > 0
                    || now.isBefore(readAt)) {
                ids = cameras.findAll().stream()
                        .filter(c -> c.sub() != null)
                        .map(Camera::id)
                        .collect(Collectors.toUnmodifiableSet());
                readAt = now;
            }
            return ids.contains(cameraId);
        }
    }
}
