package io.vigil.retention.hold;

import io.vigil.camera.RecordedCameras;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.hook.FootageHolds;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FootageHolds} other features place (an event's, an incident's): ordinary {@link Holds}, one per camera
 * on every stream of it, listed by {@code /api/holds} like any other. The hold table has no column for who placed
 * a hold, so the acting principal is kept at the end of its reason ({@code ... (placed by token:door-panel)}); the
 * calling route's audit row names the holds.
 */
@Singleton
public class FeatureHolds implements FootageHolds {

    /** The longest reason kept, so that the principal still fits the reason's column. */
    static final int MAX_REASON_LENGTH = 900;

    private static final Logger LOG = LoggerFactory.getLogger(FeatureHolds.class);

    private final Holds holds;
    private final RecordedCameras cameras;
    private final Clock clock;

    public FeatureHolds(Holds holds, RecordedCameras cameras, Clock clock) {
        this.holds = holds;
        this.cameras = cameras;
        this.clock = clock;
    }

    @Override
    public Map<String, String> place(
            List<String> cameraIds, Instant start, Instant end, String reason, String principal) {
        if (cameraIds == null || cameraIds.isEmpty()) {
            throw VigilException.invalid(Map.of("cameraIds", "name at least one camera to hold"));
        }
        TimeRange range = new TimeRange(start, end);
        List<String> distinct = cameraIds.stream().distinct().toList();
        distinct.forEach(cameras::require);
        String kept = reasonOf(reason, principal);
        Instant now = clock.instant();
        Map<String, String> ids = new LinkedHashMap<>();
        List<Hold> placed = distinct.stream()
                .map(camera -> new Hold(
                        UUID.randomUUID().toString(), camera, range.start(), range.end(), kept, now, null, null))
                .toList();
        holds.insert(placed);
        placed.forEach(h -> ids.put(h.cameraId(), h.id()));
        LOG.info("holds {} placed by {} over [{}, {}): {}", ids, principal, range.start(), range.end(), kept);
        return ids;
    }

    @Override
    public void release(String holdId, String principal) {
        Hold released = holds.release(holdId);
        LOG.info("hold {} of camera {} released by {}", released.id(), released.cameraId(), principal);
    }

    /** The hold's reason: the caller's (cut to {@link #MAX_REASON_LENGTH}) and who placed it. */
    static String reasonOf(String reason, String principal) {
        Objects.requireNonNull(principal, "principal");
        String given = reason == null || reason.isBlank() ? "held" : reason.trim();
        String cut = given.length() > MAX_REASON_LENGTH ? given.substring(0, MAX_REASON_LENGTH) : given;
        return cut + " (placed by " + principal + ")";
    }
}
