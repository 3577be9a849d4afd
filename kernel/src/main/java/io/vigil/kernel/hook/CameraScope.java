package io.vigil.kernel.hook;

import io.micronaut.http.HttpRequest;

/**
 * Which cameras the caller of a request may see. Controllers that list cameras or act on a camera named in a
 * body (not in the path) ask it; access control provides the real one, {@link EveryCamera} stands in without it.
 */
public interface CameraScope {

    /** Whether the caller of {@code request} may see camera {@code cameraId}. */
    boolean allows(HttpRequest<?> request, String cameraId);

    /** Throws {@code FORBIDDEN} unless the caller may see the camera. */
    void require(HttpRequest<?> request, String cameraId);
}
