package io.vigil.camera;

import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.ArchiveEvents;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Live status of every camera, written by the recorder, read by the API. In memory: it describes this process. */
@Singleton
public class CameraStatusBoard {

    private final Map<String, CameraStatus> statuses = new ConcurrentHashMap<>();
    private final Clock clock;

    public CameraStatusBoard(Clock clock) {
        this.clock = clock;
    }

    /** The camera's status; DISABLED or CONNECTING if the recorder has not reported yet. */
    public CameraStatus get(Camera camera) {
        CameraStatus status = statuses.get(camera.id());
        if (!camera.enabled()) {
            Instant lastSegment = status == null ? null : status.lastSegmentAt();
            return new CameraStatus(CameraStatus.State.DISABLED,
                    status == null ? clock.instant() : status.since(), lastSegment, null);
        }
        return status != null ? status : new CameraStatus(CameraStatus.State.CONNECTING, clock.instant(), null, null);
    }

    /** Sets the state, keeping the last segment time; a state change resets {@code since}. */
    public void report(String cameraId, CameraStatus.State state, String error) {
        Instant now = clock.instant();
        statuses.compute(cameraId, (id, old) -> {
            Instant since = old != null && old.state() == state ? old.since() : now;
            Instant lastSegment = old == null ? null : old.lastSegmentAt();
            String lastError = error != null ? error : old == null ? null : old.lastError();
            return new CameraStatus(state, since, lastSegment, lastError);
        });
    }

    /** A session started its first segment: the camera is RECORDING; the last error is kept for reference. */
    public void recording(String cameraId) {
        report(cameraId, CameraStatus.State.RECORDING, null);
    }

    /** A segment was finished: the camera is RECORDING. */
    public void segmentStored(String cameraId, Instant storedAt) {
        statuses.compute(cameraId, (id, old) -> {
            Instant since = old != null && old.state() == CameraStatus.State.RECORDING ? old.since() : storedAt;
            return new CameraStatus(CameraStatus.State.RECORDING, since, storedAt, old == null ? null : old.lastError());
        });
    }

    /** The archive cannot store the camera's segments right now; they wait in the spool. */
    @EventListener
    public void onStorageTrouble(ArchiveEvents.StorageTrouble trouble) {
        statuses.computeIfPresent(trouble.cameraId(), (id, old) -> new CameraStatus(old.state(), old.since(),
                old.lastSegmentAt(), "storage: " + trouble.message() + " (" + trouble.backlogSegments() + " segment(s) spooled)"));
    }

    public void forget(String cameraId) {
        statuses.remove(cameraId);
    }
}
