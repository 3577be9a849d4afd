package io.vigil.camera;

/**
 * Published after a camera was created, changed or deleted, so its recorder can start, restart or stop.
 *
 * @param cameraId the camera
 */
public record CameraChanged(String cameraId) {}
