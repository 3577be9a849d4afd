package io.vigil.recorder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.camera.Camera;
import io.vigil.camera.RtspUrl;
import io.vigil.recorder.StreamError;
import io.vigil.recorder.connect.ConnectTarget;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A camera that is only slow is told apart from one that sends something broken: when Vigil's connect deadline cuts
 * FFmpeg's handshake short, FFmpeg itself says "Invalid data found when processing input", which blamed the stream
 * (state ERROR) for a camera that had not answered yet.
 */
class SlowCameraTest {

    @Test
    void aCameraThatDoesNotAnswerWithinTheConnectTimeoutIsOfflineAndSaysSo() throws Exception {
        try (ServerSocket camera = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket client = camera.accept();
                        InputStream in = client.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // reads the request, never answers
                } catch (Exception ignored) {
                    // the client gave up
                }
            });
            accept.setDaemon(true);
            accept.start();
            ConnectTarget target =
                    new ConnectTarget(new RtspUrl("rtsp://127.0.0.1:" + camera.getLocalPort() + "/slow"));
            StreamError e = assertThrows(
                    StreamError.class, () -> RtspSource.open(target, Camera.Transport.TCP, Duration.ofMillis(1500)));
            assertEquals(
                    "the camera did not complete the RTSP handshake within 1.5 s (vigil.recorder.connect-timeout)",
                    e.getMessage());
            assertEquals(StreamError.Kind.UNREACHABLE, e.kind());
        }
    }

    @Test
    void aCameraThatAnswersGarbageStillSaysWhatFfmpegFound() throws Exception {
        try (ServerSocket camera = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket client = camera.accept()) {
                    client.getInputStream().read(new byte[1024]);
                    client.getOutputStream()
                            .write("HELLO\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    client.close();
                } catch (Exception ignored) {
                    // the client gave up
                }
            });
            accept.setDaemon(true);
            accept.start();
            ConnectTarget target =
                    new ConnectTarget(new RtspUrl("rtsp://127.0.0.1:" + camera.getLocalPort() + "/garbage"));
            StreamError e = assertThrows(
                    StreamError.class, () -> RtspSource.open(target, Camera.Transport.TCP, Duration.ofSeconds(10)));
            assertEquals(StreamError.Kind.STREAM, e.kind(), e.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(
                    e.getMessage().startsWith("cannot open RTSP session: "), e.getMessage());
        }
    }
}
