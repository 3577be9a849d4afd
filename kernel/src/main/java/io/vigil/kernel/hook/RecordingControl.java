package io.vigil.kernel.hook;

import java.util.concurrent.CompletableFuture;

/**
 * What drives this node's recorders from outside the recorder: the cluster starts and stops recording as it takes
 * and hands over leases ({@link RecordingAssignment} says which cameras are this node's). The recorder implements it.
 */
public interface RecordingControl {

    /**
     * Makes the running recorder of a camera match its stored definition and assignment. The future completes
     * when a recorder this call stopped has stored its last segment (at once if none was stopped).
     */
    CompletableFuture<Void> sync(String cameraId);

    /**
     * Tells the camera's recorder to stop (storing its segment in progress) without waiting for a lock or the
     * database, both of which may be stuck: for a node that must stop recording before its lease runs out. The
     * assignment must already say no, so nothing restarts it.
     */
    void stopNow(String cameraId);

    /** Completes when no recorder of the camera is running or stopping on this node. */
    CompletableFuture<Void> stopped(String cameraId);

    /**
     * Stops every recorder and returns when they have stored their last segments (or after a bounded wait);
     * idempotent.
     */
    void stopAll();
}
