package io.vigil.camera;

import java.util.Objects;

/**
 * A change the cameras file made to the registry at start-up, for the audit log (published by
 * {@link CameraRegistry#applyCamerasFile}; changes made through the API are audited with their request, whose
 * {@link io.vigil.kernel.AuditNote} the controller publishes).
 *
 * @param cameraId the camera
 * @param action   what happened to it
 * @param detail   what changed, as {@link CameraDiff} says it: never a password
 */
public record CameraEdit(String cameraId, Action action, String detail) {

    /** Who the cameras file's changes are recorded as in the audit log. */
    public static final String CAMERAS_FILE_USER = "system:cameras-file";

    /** What happened to the camera. */
    public enum Action {
        CREATE,
        UPDATE,
        DISABLE
    }

    public CameraEdit {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
