package io.vigil.access.audit;

import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.camera.CameraEdit;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the changes the cameras file makes at start-up in the audit log, as user
 * {@value CameraEdit#CAMERAS_FILE_USER}: a camera added, changed or disabled there is as much a change to what is
 * recorded as one made through the API.
 */
@Singleton
public class CamerasFileAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CamerasFileAudit.class);

    private final AuditLog log;
    private final Clock clock;

    public CamerasFileAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @EventListener
    public void onCameraEdit(CameraEdit edit) {
        AuditAction action =
                edit.action() == CameraEdit.Action.CREATE ? AuditAction.CAMERA_CREATE : AuditAction.CAMERA_UPDATE;
        try {
            log.record(AuditEvent.builder(action, clock.instant())
                    .user(CameraEdit.CAMERAS_FILE_USER, null)
                    .camera(edit.cameraId())
                    .detail(edit.detail())
                    .build());
        } catch (RuntimeException e) {
            // The change is made either way (the file is the installer's); say loudly that its row is missing.
            LOG.error(
                    "could not write the audit event of camera {} changed by the cameras file ({}): {}",
                    edit.cameraId(),
                    edit.detail(),
                    e.toString());
        }
    }
}
