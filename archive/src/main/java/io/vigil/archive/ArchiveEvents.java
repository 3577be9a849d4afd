package io.vigil.archive;

/** What the archive tells the rest of the service about its write path. */
public final class ArchiveEvents {

    private ArchiveEvents() {}

    /**
     * Storing a camera's segments fails; they wait in the spool and are retried.
     *
     * @param cameraId       the camera
     * @param message        what failed, without secrets
     * @param backlogSegments segments waiting in the spool for this camera
     */
    public record StorageTrouble(String cameraId, String message, int backlogSegments) {}
}
