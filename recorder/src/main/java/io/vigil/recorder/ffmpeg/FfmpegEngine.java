package io.vigil.recorder.ffmpeg;

import io.vigil.camera.Camera;
import io.vigil.recorder.StreamEngine;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.StreamSession;
import io.vigil.recorder.connect.ConnectTarget;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The FFmpeg engine (JavaCV): FFmpeg's RTSP demuxer reads the stream ({@link RtspSource}), Vigil repairs timestamps
 * and cuts ({@link SessionIngest}), FFmpeg's MP4 muxer writes the fragments ({@link Fmp4Muxer}). Records UDP and
 * {@code rtsps://} cameras too, and every stream the native engine falls back on. FFmpeg's failures become
 * {@link io.vigil.recorder.StreamError}s by their return codes ({@link FfmpegCodes}).
 */
@Singleton
public class FfmpegEngine implements StreamEngine {

    @Override
    public Camera.Engine kind() {
        return Camera.Engine.FFMPEG;
    }

    @Override
    public StreamSession open(
            String cameraId, ConnectTarget target, Camera.Transport transport, Duration connectTimeout)
            throws StreamError {
        return FfmpegSession.of(RtspSource.open(target, transport, connectTimeout));
    }
}
