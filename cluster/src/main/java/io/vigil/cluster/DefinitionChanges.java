package io.vigil.cluster;

import io.vigil.camera.Camera;
import io.vigil.kernel.hook.RecordingControl;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Camera definitions changed through another node: its API or cameras file changes the shared row, and only the
 * node that made the change hears its event, so at every check this node restarts the recorders of the cameras it
 * holds whose definition differs from the one it saw at the last check.
 *
 * <p>Thread: called only by {@link LeaseKeeper}, under its lock; its state is not synchronised.
 */
@Singleton
public class DefinitionChanges {

    private final LeasedCameras leased;
    private final RecordingControl recording;
    /** Each camera's definition at the last check. */
    private final Map<String, Camera> lastSeen = new HashMap<>();

    public DefinitionChanges(LeasedCameras leased, RecordingControl recording) {
        this.leased = leased;
        this.recording = recording;
    }

    /** Restarts the held cameras whose definition is new, changed or gone since the last check; remembers these. */
    // the recorder applies it in the background; the next check looks again
    @SuppressWarnings("FutureReturnValueIgnored")
    void syncChanged(Map<String, Camera> definitions) {
        for (String cameraId : leased.snapshot()) {
            Camera now = definitions.get(cameraId);
            if (now == null || !now.equals(lastSeen.get(cameraId))) {
                recording.sync(cameraId);
            }
        }
        lastSeen.keySet().retainAll(definitions.keySet());
        lastSeen.putAll(definitions);
    }
}
