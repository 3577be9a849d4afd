package io.vigil.recorder;

import io.vigil.camera.Camera;
import io.vigil.recorder.connect.ConnectTarget;
import java.time.Duration;

/**
 * What reads a camera's stream and turns it into segments (glossary: engine): the recorder's seam. One bean per
 * {@link Camera.Engine} ({@code @Singleton}, found by {@link StreamEngines}); {@link CameraRecorder} asks
 * {@link EngineChoice} which one records each session.
 *
 * <p>A session's life: {@link #open} connects and learns the stream (codecs, resolution), {@link StreamSession#run}
 * records it into the archive until it ends, {@link StreamSession#requestStop} (any thread) ends it early, and
 * {@link StreamSession#close} releases it. Failures are {@link StreamError}s; a native engine that finds it cannot
 * record a stream throws {@link StreamError.Kind#NOT_NATIVE}, and the camera falls back to FFmpeg.
 */
public interface StreamEngine {

    /** Which engine this is. */
    Camera.Engine kind();

    /**
     * Connects to the camera and reads its stream's description, within {@code connectTimeout}.
     *
     * @param cameraId  the camera, for logs and metrics
     * @param target    where to connect: the checked address and the credentials (never log them)
     * @param transport RTSP lower transport ({@link EngineChoice} gives the native engine TCP cameras only)
     * @throws StreamError if there is no recordable stream; its kind says what that means for the camera's state
     */
    StreamSession open(String cameraId, ConnectTarget target, Camera.Transport transport, Duration connectTimeout)
            throws StreamError;
}
