package io.vigil.kernel.hook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Holds placed by a feature other than retention, for something of its own: an event keeping the footage around
 * itself, an incident keeping its range. Retention implements it over its holds (the ones {@code /api/holds}
 * lists); every service has retention, so there is no stand-in.
 *
 * <p>A hold keeps one camera's footage, in every stream of it, over {@code [start, end)} from deletion by age or
 * quota. The audit log is the caller's to write: the route that places or releases holds through this hook names
 * them in its own row (its {@link io.vigil.kernel.AuditNote}), as {@code /api/holds} does for its own.
 */
public interface FootageHolds {

    /**
     * Places one hold per camera over {@code [start, end)}, all or none: 400 {@code VALIDATION_FAILED} naming
     * {@code cameraIds} for no camera or a string that is no camera id, 400 {@code INVALID_RANGE} unless
     * {@code end} is after {@code start} (both within the API's time bounds), 404 {@code CAMERA_NOT_FOUND} for a
     * camera neither registered nor recorded.
     *
     * @param reason    why, shown with the hold (at most 900 characters are kept)
     * @param principal who acts: a user name, or {@code token:<name>}; kept in the hold's reason and logged
     * @return each camera's hold id, in the order of {@code cameraIds} (repeated cameras held once)
     */
    Map<String, String> place(List<String> cameraIds, Instant start, Instant end, String reason, String principal);

    /**
     * Releases a hold this hook (or {@code /api/holds}) placed: it stays on record, released. Releasing a released
     * hold changes nothing; 404 {@code HOLD_NOT_FOUND} for no such hold.
     *
     * @param principal who acts, logged
     */
    void release(String holdId, String principal);
}
