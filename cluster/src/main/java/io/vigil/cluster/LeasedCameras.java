package io.vigil.cluster;

import io.micronaut.context.annotation.Replaces;
import io.vigil.kernel.hook.EveryCameraHere;
import io.vigil.kernel.hook.RecordingAssignment;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cameras whose lease this node holds: the ones it records. {@link LeaseTaking} adds them; {@link LeaseRenewal},
 * {@link HandOver} and {@link Fencing} remove them. Concurrent: {@link Fencing} reads and changes it from its own
 * thread, the recorder asks it from any.
 */
@Singleton
@Replaces(EveryCameraHere.class)
public class LeasedCameras implements RecordingAssignment {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public boolean recordsHere(String cameraId) {
        return held.contains(cameraId);
    }

    void add(String cameraId) {
        held.add(cameraId);
    }

    boolean remove(String cameraId) {
        return held.remove(cameraId);
    }

    /** A sorted copy. */
    Set<String> snapshot() {
        return new TreeSet<>(held);
    }
}
