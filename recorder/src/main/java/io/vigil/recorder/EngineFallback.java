package io.vigil.recorder;

import io.vigil.camera.Camera;

/**
 * One camera's engine fallback, for as long as its recorder lives (so until the camera's definition changes or the
 * service restarts): the {@link EngineChoice} for each session, and the reason of a session the native engine could
 * not record, remembered. Used by the camera's recorder thread only.
 */
final class EngineFallback {

    private final Camera camera;
    private final boolean nativeAvailable;
    private String notNativeReason;

    EngineFallback(Camera camera, boolean nativeAvailable) {
        this.camera = camera;
        this.nativeAvailable = nativeAvailable;
    }

    /** The engine for the next session. */
    EngineChoice.Choice next() {
        return EngineChoice.choose(
                camera.engine(), camera.transport(), camera.url().origin().tls(), nativeAvailable, notNativeReason);
    }

    /**
     * Remembers a {@link StreamError.Kind#NOT_NATIVE} failure of the native engine.
     *
     * @return true if the camera now falls back to FFmpeg (try again at once), false if the error is an ordinary one
     */
    boolean fallsBack(StreamError error, Camera.Engine failed) {
        if (error.kind() != StreamError.Kind.NOT_NATIVE || failed != Camera.Engine.NATIVE) {
            return false;
        }
        notNativeReason = error.getMessage();
        return true;
    }
}
