package io.vigil.media.rtsp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.auth.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real RTSP server, GStreamer's, through the repository's camera simulator: H.264 and AAC over
 * interleaved TCP, sender reports, keep-alives, TEARDOWN, Basic and Digest authentication.
 */
class RtspClientSimulatorTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Credentials ADMIN = new Credentials("admin", "secret");

    @TempDir
    static Path dir;

    private static Path clip;
    private static Simulator basic;
    private static RtspClient client;

    @BeforeAll
    static void start() throws Exception {
        clip = Simulator.clip(dir);
        basic = Simulator.start(clip, false);
        client = RtspClient.create(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (basic != null) {
            basic.close();
        }
    }

    @Test
    void playsVideoAndAudioGetsSenderReportsKeepsAliveReportsAndTearsDown() throws Exception {
        RecordingListener listener = new RecordingListener();
        RtspTarget target = target(basic.url(), Optional.empty());

        RtspSession session = client.open(target, listener).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(
                List.of("video/H264", "audio/MPEG4-GENERIC"),
                session.tracks().stream()
                        .map(t -> t.mediaType() + "/" + t.encodingName())
                        .toList());
        assertEquals(
                List.of(0, 1, 2, 3),
                session.tracks().stream()
                        .flatMap(t -> java.util.stream.Stream.of(t.rtpChannel(), t.rtcpChannel()))
                        .toList());
        assertEquals(client.transportName(), session.transportName());
        Poll.until(
                DEADLINE,
                () -> listener.packets("video") >= 100
                        && listener.packets("audio") >= 20
                        && !listener.senderReports.isEmpty()
                        && session.counters().keepAlivesAnswered() >= 1
                        && session.counters().receiverReportsSent() >= 1,
                () -> listener.packetsByType + ", " + listener.senderReports.size() + " SR, " + session.counters());
        for (RtspTrack track : session.tracks()) { // RTP-Info of the PLAY answer matched to each track
            assertEquals(
                    track.firstSequenceNumber().orElseThrow(),
                    listener.firstSequenceNumbers.get(track.mediaType()),
                    track.mediaType());
        }
        Instant reported = listener.senderReports.get(0).ntpTime();
        assertEquals(0, Duration.between(Instant.now(), reported).abs().toMinutes(), "SR time " + reported);
        assertEquals(0, session.counters().unknownChannelFrames());
        assertEquals(0, session.counters().malformedPackets());

        session.close();

        session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("closed by us"), listener.closes);
    }

    @Test
    void basicAuthenticationPlays() throws Exception {
        assertPlays(basic.secureUrl(), ADMIN);
    }

    @Test
    void digestAuthenticationPlays() throws Exception {
        try (Simulator digest = Simulator.start(clip, true)) {
            assertPlays(digest.secureUrl(), ADMIN);
        }
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        MediaException refused = failure(target(basic.secureUrl(), Optional.of(new Credentials("admin", "wrong"))));

        assertEquals(MediaError.UNAUTHORIZED, refused.error());
        assertEquals(false, refused.getMessage().contains("wrong"), refused.getMessage());
    }

    @Test
    void aPortWhereNobodyListensIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertEquals(
                MediaError.UNREACHABLE,
                failure(target("rtsp://127.0.0.1:" + port + "/cam", Optional.empty()))
                        .error());
    }

    private static void assertPlays(String url, Credentials credentials) throws Exception {
        RecordingListener listener = new RecordingListener();
        RtspSession session = client.open(target(url, Optional.of(credentials)), listener)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        try {
            Poll.until(DEADLINE, () -> listener.packets("video") >= 10, () -> listener.packetsByType.toString());
        } finally {
            session.close();
            session.closed().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of("closed by us"), listener.closes);
    }

    private static MediaException failure(RtspTarget target) {
        ExecutionException failed = assertThrows(
                ExecutionException.class,
                () -> client.open(target, new RecordingListener()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(MediaException.class, failed.getCause());
    }

    private static RtspTarget target(String url, Optional<Credentials> credentials) {
        RtspTarget defaults = RtspTarget.of(URI.create(url), credentials);
        return new RtspTarget(
                defaults.url(),
                credentials,
                defaults.connectTimeout(),
                defaults.requestTimeout(),
                defaults.stallTimeout(),
                Duration.ofSeconds(1),
                "Vigil test");
    }
}
