package io.vigil.recorder;

import static io.vigil.camera.Camera.Engine.FFMPEG;
import static io.vigil.camera.Camera.Engine.NATIVE;
import static io.vigil.camera.Camera.Transport.TCP;
import static io.vigil.camera.Camera.Transport.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.recorder.EngineChoice.Choice;
import org.junit.jupiter.api.Test;

/** Which engine records a camera's next session, rule by rule (first match wins). */
class EngineChoiceTest {

    private static final boolean PLAIN = false;
    private static final boolean RTSPS = true;
    private static final boolean AVAILABLE = true;
    private static final boolean MISSING = false;
    private static final String NONE = null;
    private static final String H263 = "video codec H.263: the native engine records H.264 and H.265";

    @Test
    void aCameraSetToFfmpegIsRecordedWithFfmpegWithoutAReasonWhateverElseHolds() {
        assertEquals(new Choice(FFMPEG, null), EngineChoice.choose(FFMPEG, TCP, PLAIN, AVAILABLE, NONE));
        assertEquals(new Choice(FFMPEG, null), EngineChoice.choose(FFMPEG, UDP, RTSPS, MISSING, H263));
    }

    @Test
    void aPlainTcpCameraSetToNativeIsRecordedNatively() {
        assertEquals(new Choice(NATIVE, null), EngineChoice.choose(NATIVE, TCP, PLAIN, AVAILABLE, NONE));
    }

    @Test
    void withoutANativeEngineEveryCameraSetToNativeFallsBackAndSaysSo() {
        assertEquals(
                new Choice(FFMPEG, "the native engine is switched off (vigil.recorder.native-engine: false)"),
                EngineChoice.choose(NATIVE, TCP, PLAIN, MISSING, NONE));
        assertEquals(
                new Choice(FFMPEG, "the native engine is switched off (vigil.recorder.native-engine: false)"),
                EngineChoice.choose(NATIVE, UDP, RTSPS, MISSING, H263),
                "the first rule that matches gives the reason");
    }

    @Test
    void aUdpCameraFallsBackBecauseTheNativeEngineReadsTcpOnly() {
        assertEquals(
                new Choice(FFMPEG, "UDP transport: the native engine reads RTSP over TCP only"),
                EngineChoice.choose(NATIVE, UDP, PLAIN, AVAILABLE, NONE));
        assertEquals(
                new Choice(FFMPEG, "UDP transport: the native engine reads RTSP over TCP only"),
                EngineChoice.choose(NATIVE, UDP, RTSPS, AVAILABLE, H263));
    }

    @Test
    void anRtspsCameraFallsBackBecauseTheNativeEngineHasNoTls() {
        assertEquals(
                new Choice(FFMPEG, "rtsps://: the native engine has no TLS yet"),
                EngineChoice.choose(NATIVE, TCP, RTSPS, AVAILABLE, NONE));
        assertEquals(
                new Choice(FFMPEG, "rtsps://: the native engine has no TLS yet"),
                EngineChoice.choose(NATIVE, TCP, RTSPS, AVAILABLE, H263));
    }

    @Test
    void aRememberedNotNativeFailureKeepsTheCameraOnFfmpegWithItsMessage() {
        assertEquals(new Choice(FFMPEG, H263), EngineChoice.choose(NATIVE, TCP, PLAIN, AVAILABLE, H263));
    }

    @Test
    void theNativeEngineIsNeverChosenWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> new Choice(NATIVE, "why"));
    }
}
