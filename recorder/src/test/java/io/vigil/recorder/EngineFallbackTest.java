package io.vigil.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.camera.Camera;
import io.vigil.camera.RtspUrl;
import org.junit.jupiter.api.Test;

/** A camera's engine fallback: a NOT_NATIVE failure of the native engine moves the camera to FFmpeg, and stays. */
class EngineFallbackTest {

    private static final String H263 = "video codec H.263: the native engine records H.264 and H.265";

    private static Camera camera(Camera.Engine engine) {
        return new Camera(
                "porch",
                "Porch",
                new RtspUrl("rtsp://192.0.2.7/live"),
                null,
                null,
                Camera.Transport.TCP,
                true,
                30,
                null,
                Camera.Source.API,
                null,
                engine);
    }

    @Test
    void aNotNativeFailureOfTheNativeEngineMakesEveryLaterSessionFfmpegsWithItsMessage() {
        EngineFallback fallback = new EngineFallback(camera(Camera.Engine.NATIVE), true);
        assertEquals(new EngineChoice.Choice(Camera.Engine.NATIVE, null), fallback.next());
        assertTrue(fallback.fallsBack(new StreamError(H263, StreamError.Kind.NOT_NATIVE), Camera.Engine.NATIVE));
        assertEquals(new EngineChoice.Choice(Camera.Engine.FFMPEG, H263), fallback.next());
        assertEquals(new EngineChoice.Choice(Camera.Engine.FFMPEG, H263), fallback.next(), "remembered");
    }

    @Test
    void anOrdinaryFailureOfTheNativeEngineKeepsIt() {
        EngineFallback fallback = new EngineFallback(camera(Camera.Engine.NATIVE), true);
        for (StreamError.Kind kind : new StreamError.Kind[] {
            StreamError.Kind.UNAUTHORIZED, StreamError.Kind.UNREACHABLE, StreamError.Kind.STREAM
        }) {
            assertFalse(fallback.fallsBack(new StreamError("refused", kind), Camera.Engine.NATIVE), kind.name());
        }
        assertEquals(new EngineChoice.Choice(Camera.Engine.NATIVE, null), fallback.next());
    }

    @Test
    void notNativeFromTheFfmpegEngineIsAnOrdinaryFailure() {
        EngineFallback fallback = new EngineFallback(camera(Camera.Engine.FFMPEG), true);
        assertFalse(fallback.fallsBack(new StreamError(H263, StreamError.Kind.NOT_NATIVE), Camera.Engine.FFMPEG));
        assertEquals(new EngineChoice.Choice(Camera.Engine.FFMPEG, null), fallback.next());
    }

    @Test
    void aNewRecorderOfTheCameraTriesTheNativeEngineAgain() {
        Camera camera = camera(Camera.Engine.NATIVE);
        EngineFallback first = new EngineFallback(camera, true);
        first.fallsBack(new StreamError(H263, StreamError.Kind.NOT_NATIVE), Camera.Engine.NATIVE);
        assertEquals(new EngineChoice.Choice(Camera.Engine.NATIVE, null), new EngineFallback(camera, true).next());
    }
}
