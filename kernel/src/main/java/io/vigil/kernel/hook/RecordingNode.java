package io.vigil.kernel.hook;

import java.util.Optional;

/**
 * Which other node records a camera, for what only that node has (its live edge); the live playlist asks it. On one
 * node no other does ({@link NoOtherNode}); in a cluster, the holder of the camera's lease (the cluster module
 * replaces the bean).
 */
public interface RecordingNode {

    /** The advertised URL ({@code vigil.cluster.advertised-url}) of another node recording the camera now, if any. */
    Optional<String> elsewhere(String cameraId);
}
