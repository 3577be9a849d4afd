package io.vigil.media.rtsp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.rtp.RtpPacket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's shell against cameras scripted in the test: what a camera may do wrong, and TEARDOWN. */
class RtspClientScriptedTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static RtspClient client;

    @BeforeAll
    static void start() {
        client = RtspClient.create(1);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void epollIsTheTransportOnLinuxX86() {
        if (System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64")) {
            assertEquals("epoll", client.transportName());
        }
    }

    @Test
    void packetsReachTheListenerFramesOfNoTrackAreCountedAndCloseSendsTeardown() throws Exception {
        try (ScriptedCamera camera = new ScriptedCamera("127.0.0.1", Map.of(), (out, socket) -> {
            out.write(ScriptedCamera.rtpFrame(0, 1));
            out.write(ScriptedCamera.rtpFrame(9, 2)); // a channel no SETUP granted
            out.write(new byte[] {'$', 0, 0, 3, (byte) 0x80, 96, 0}); // an RTP packet shorter than its header
            out.write(ScriptedCamera.rtpFrame(0, 3));
            out.flush();
        })) {
            RecordingListener listener = new RecordingListener();
            RtspSession session = open(camera.url("/live"), listener);

            Poll.until(
                    DEADLINE,
                    () -> listener.packets("video") == 2 && session.counters().malformedPackets() == 1,
                    () -> session.counters().toString());
            assertEquals(1, session.counters().unknownChannelFrames());
            session.close();
            session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            assertEquals(List.of("closed by us"), listener.closes);
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "TEARDOWN"), camera.methods());
            assertTrue(camera.requests.get(4).startsWith("TEARDOWN rtsp://127.0.0.1:"), camera.requests.get(4));
            assertTrue(camera.requests.get(4).contains("Session: 77\r\n"), camera.requests.get(4));
        }
    }

    @Test
    void aCameraThatHangsUpClosesTheSessionWithACause() throws Exception {
        try (ScriptedCamera camera = new ScriptedCamera("127.0.0.1", Map.of(), (out, socket) -> {
            out.write(ScriptedCamera.rtpFrame(0, 1));
            out.flush();
            socket.close();
        })) {
            RecordingListener listener = new RecordingListener();
            open(camera.url("/live"), listener);

            Poll.until(DEADLINE, () -> !listener.closes.isEmpty(), () -> "open");
            MediaException cause = assertInstanceOf(MediaException.class, listener.closes.get(0));
            assertEquals("CONNECTION_CLOSED: the camera closed the connection", cause.getMessage());
            assertEquals(1, listener.closes.size());
        }
    }

    @Test
    void noPacketForTheStallTimeoutClosesTheSession() throws Exception {
        try (ScriptedCamera camera = new ScriptedCamera("127.0.0.1", Map.of(), null)) {
            RecordingListener listener = new RecordingListener();
            RtspTarget target = target(camera.url("/live"), Duration.ofSeconds(1), Duration.ofSeconds(10));
            RtspSession session = client.open(target, listener).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            MediaException cause = assertInstanceOf(MediaException.class, listener.closes.get(0));
            assertEquals("TIMEOUT: no packet for 1 s", cause.getMessage());
        }
    }

    @Test
    void aListenerThatThrowsClosesTheSessionWithWhatItThrew() throws Exception {
        try (ScriptedCamera camera = new ScriptedCamera("127.0.0.1", Map.of(), (out, socket) -> {
            out.write(ScriptedCamera.rtpFrame(0, 1));
            out.write(ScriptedCamera.rtpFrame(0, 2));
            out.flush();
        })) {
            RecordingListener listener = new RecordingListener() {
                @Override
                public void onRtp(RtspTrack track, RtpPacket packet) {
                    super.onRtp(track, packet);
                    throw new IllegalStateException("full");
                }
            };
            RtspSession session = open(camera.url("/live"), listener);

            session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            MediaException cause = assertInstanceOf(MediaException.class, listener.closes.get(0));
            assertEquals(MediaError.LISTENER_FAILED, cause.error());
            assertInstanceOf(IllegalStateException.class, cause.getCause());
            assertEquals(1, listener.packets("video"));
        }
    }

    @Test
    void aRedirectToAnotherHostIsFollowed() throws Exception {
        try (ScriptedCamera real = new ScriptedCamera("127.0.0.2", Map.of(), null);
                ScriptedCamera redirecting = new ScriptedCamera(
                        "127.0.0.1",
                        Map.of("DESCRIBE", "RTSP/1.0 302 Found\r\nLocation: " + real.url("/real") + "\r\n"),
                        null)) {
            RtspSession session = open(redirecting.url("/live"), new RecordingListener());

            assertEquals(URI.create(real.url("/real")), session.url());
            assertEquals(List.of("OPTIONS", "DESCRIBE"), redirecting.methods());
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY"), real.methods());
            session.close();
            session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aRedirectTheCallerDoesNotAllowFailsTheOpeningBeforeConnectingThere() throws Exception {
        try (ScriptedCamera real = new ScriptedCamera("127.0.0.2", Map.of(), null);
                ScriptedCamera redirecting = new ScriptedCamera(
                        "127.0.0.1",
                        Map.of("DESCRIBE", "RTSP/1.0 302 Found\r\nLocation: " + real.url("/real") + "\r\n"),
                        null)) {
            RtspTarget target = target(redirecting.url("/live"), Duration.ofSeconds(10), Duration.ofSeconds(10));

            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> client.open(target, url -> url.getHost().equals("127.0.0.1"), new RecordingListener())
                            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));

            assertEquals(
                    "PROTOCOL: the camera redirects to 127.0.0.2:"
                            + URI.create(real.url("/real")).getPort() + ", where this client may not follow it",
                    failed.getCause().getMessage());
            assertEquals(List.of(), real.methods(), "nothing was sent where the redirect pointed");
        }
    }

    @Test
    void aRequestNotAnsweredInTimeFailsTheOpening() throws Exception {
        java.util.HashMap<String, String> silent = new java.util.HashMap<>();
        silent.put("DESCRIBE", null);
        try (ScriptedCamera camera = new ScriptedCamera("127.0.0.1", silent, null)) {
            RtspTarget target = target(camera.url("/live"), Duration.ofSeconds(10), Duration.ofMillis(300));

            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> client.open(target, new RecordingListener()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS));

            assertEquals(
                    "TIMEOUT: DESCRIBE " + camera.url("/live") + " not answered within 300 ms",
                    failed.getCause().getMessage());
        }
    }

    private static RtspSession open(String url, RecordingListener listener) throws Exception {
        return client.open(target(url, Duration.ofSeconds(10), Duration.ofSeconds(10)), listener)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private static RtspTarget target(String url, Duration stall, Duration request) {
        return new RtspTarget(
                URI.create(url),
                Optional.empty(),
                Duration.ofSeconds(5),
                request,
                stall,
                Duration.ofHours(1),
                "Vigil test");
    }
}
