package io.vigil.camera;

import io.vigil.archive.read.ArchiveReader;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.CameraId;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import jakarta.inject.Singleton;

/**
 * Cameras whose recordings can be asked for: the registered ones, and deleted ones whose recordings are still
 * kept (deleting a camera stops recording it; its footage stays until retention removes it, and auditors must
 * still reach it).
 */
@Singleton
public class RecordedCameras {

    private final CameraRepository repository;
    private final ArchiveReader archive;

    public RecordedCameras(CameraRepository repository, ArchiveReader archive) {
        this.repository = repository;
        this.archive = archive;
    }

    /**
     * Throws {@code CAMERA_NOT_FOUND} unless the camera is registered or has recordings; 400 {@code VALIDATION_FAILED}
     * ({@code cameraId}) for a string that is no camera id at all (ids in request bodies come here unchecked).
     */
    public void require(String cameraId) {
        CameraId.require("cameraId", cameraId);
        if (repository.find(cameraId).isEmpty() && archive.newest(cameraId).isEmpty()) {
            throw new VigilException(ErrorCode.CAMERA_NOT_FOUND, "no camera " + cameraId + " and no recordings of it");
        }
    }

    /**
     * {@link #require} the camera, then the stream key of the stream {@code stream} names ({@code main} when null;
     * 400 {@code VALIDATION_FAILED} naming {@code stream} for anything but {@code main} or {@code sub}).
     */
    public String requireStream(String cameraId, String stream) {
        StreamName name = StreamName.require("stream", stream);
        require(cameraId);
        return StreamKey.of(cameraId, name).value();
    }
}
