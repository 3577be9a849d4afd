package io.vigil.kernel.hook;

/**
 * Which cameras this node records; the recorder asks it. On one node that is every enabled camera
 * ({@link EveryCameraHere}); in a cluster, the cameras whose lease this node holds (the cluster module replaces
 * the bean).
 */
public interface RecordingAssignment {

    /** Whether this node should record the camera (if it is enabled). */
    boolean recordsHere(String cameraId);
}
