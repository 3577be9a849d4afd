package io.vigil.recorder;

import io.micronaut.core.annotation.Nullable;
import io.vigil.camera.Camera;
import java.util.Objects;

/**
 * Which engine records a camera's next session, and why it is not the one the camera is set to (engine fallback).
 * Pure. The rules, first match wins:
 *
 * <ol>
 *   <li>set to {@code ffmpeg}: FFmpeg;
 *   <li>no native engine in this service (switched off): FFmpeg, saying so;
 *   <li>UDP transport: FFmpeg (the native client reads RTSP interleaved over TCP only);
 *   <li>{@code rtsps://}: FFmpeg (the native client has no TLS yet);
 *   <li>an earlier session of the camera ended with {@link StreamError.Kind#NOT_NATIVE}: FFmpeg, for that reason;
 *   <li>otherwise the native engine.
 * </ol>
 */
public final class EngineChoice {

    static final String NOT_AVAILABLE = "the native engine is switched off (vigil.recorder.native-engine: false)";
    static final String UDP = "UDP transport: the native engine reads RTSP over TCP only";
    static final String TLS = "rtsps://: the native engine has no TLS yet";

    /**
     * @param engine the engine to record with
     * @param reason why it is not the one the camera is set to, or null when it is
     */
    public record Choice(Camera.Engine engine, @Nullable String reason) {
        public Choice {
            Objects.requireNonNull(engine, "engine");
            if (engine == Camera.Engine.NATIVE && reason != null) {
                throw new IllegalArgumentException("the native engine is only chosen for a camera set to it");
            }
        }
    }

    private EngineChoice() {}

    /**
     * @param setting         the camera's {@code engine}
     * @param transport       its RTSP lower transport
     * @param tls             whether its URL is {@code rtsps://}
     * @param nativeAvailable whether the service has a native engine
     * @param fallbackReason  the message of the camera's remembered {@code NOT_NATIVE} failure, or null
     */
    public static Choice choose(
            Camera.Engine setting,
            Camera.Transport transport,
            boolean tls,
            boolean nativeAvailable,
            @Nullable String fallbackReason) {
        if (setting == Camera.Engine.FFMPEG) {
            return new Choice(Camera.Engine.FFMPEG, null);
        }
        if (!nativeAvailable) {
            return new Choice(Camera.Engine.FFMPEG, NOT_AVAILABLE);
        }
        if (transport == Camera.Transport.UDP) {
            return new Choice(Camera.Engine.FFMPEG, UDP);
        }
        if (tls) {
            return new Choice(Camera.Engine.FFMPEG, TLS);
        }
        if (fallbackReason != null) {
            return new Choice(Camera.Engine.FFMPEG, fallbackReason);
        }
        return new Choice(Camera.Engine.NATIVE, null);
    }
}
