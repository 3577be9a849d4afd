/**
 * Investigations: events and bookmarks on the cameras' timelines, which may hold the footage around themselves. It
 * uses the kernel and the camera registry, never another feature: holds through the {@code FootageHolds} hook, the
 * caller's cameras through {@code CameraScope}, the caller's name through {@code RequestPrincipal}.
 */
package io.vigil.investigation;
