package io.vigil.media.rtsp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.auth.Credentials;
import io.vigil.media.rtsp.RtspHeaders;
import io.vigil.media.rtsp.RtspMethod;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.rtsp.RtspResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

// RTSP and SDP lines end in CRLF here, which a text block writes only with a \r escape on every line
@SuppressWarnings("StringConcatToTextBlock")
class RtspConversationTest {

    private static final Credentials ADMIN = new Credentials("admin", "secret");
    private static final String SDP = "v=0\r\n"
            + "o=- 1 1 IN IP4 10.0.0.2\r\n"
            + "s=cam\r\n"
            + "t=0 0\r\n"
            + "a=control:*\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=control:trackID=1\r\n"
            + "m=audio 0 RTP/AVP 97\r\n"
            + "a=rtpmap:97 MPEG4-GENERIC/16000/1\r\n"
            + "a=fmtp:97 streamtype=5;profile-level-id=15;mode=AAC-hbr;config=1408;sizeLength=13;indexLength=3;"
            + "indexDeltaLength=3\r\n"
            + "a=control:trackID=2\r\n"
            + "m=application 0 RTP/AVP 107\r\n"
            + "a=rtpmap:107 vnd.onvif.metadata/90000\r\n"
            + "a=control:trackID=3\r\n";

    private static RtspConversation conversation(Optional<Credentials> credentials) {
        return new RtspConversation(RtspTarget.of(URI.create("rtsp://cam/live"), credentials), () -> "0a4f113b");
    }

    @Test
    void optionsDescribeSetupOfEachChosenTrackThenPlay() {
        RtspConversation conversation = conversation(Optional.empty());

        assertEquals(
                "OPTIONS rtsp://cam/live RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Vigil\r\n\r\n", text(conversation.start()));
        assertEquals(
                "DESCRIBE rtsp://cam/live RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\nUser-Agent: Vigil\r\n\r\n",
                text(sent(conversation.onResponse(
                        ok(1).with("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN")
                                .build()))));
        assertEquals(
                "SETUP rtsp://cam/live/trackID=1 RTSP/1.0\r\nCSeq: 3\r\n"
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nUser-Agent: Vigil\r\n\r\n",
                text(sent(conversation.onResponse(describeAnswer(2)))));
        assertEquals(
                "SETUP rtsp://cam/live/trackID=2 RTSP/1.0\r\nCSeq: 4\r\n"
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\nSession: 5E2C8A\r\nUser-Agent: Vigil\r\n\r\n",
                text(sent(conversation.onResponse(ok(3).with("Session", "5E2C8A;timeout=30")
                        .with("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=1A2B3C4D")
                        .build()))));
        assertEquals(
                "PLAY rtsp://cam/live/ RTSP/1.0\r\nCSeq: 5\r\nSession: 5E2C8A\r\nRange: npt=0.000-\r\n"
                        + "User-Agent: Vigil\r\n\r\n",
                text(sent(conversation.onResponse(ok(4).with("Session", "5E2C8A;timeout=30")
                        .with("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3")
                        .build()))));

        ConversationStep.Playing playing = assertInstanceOf(
                ConversationStep.Playing.class,
                conversation.onResponse(ok(5).with("Session", "5E2C8A")
                        .with("RTP-Info", "url=rtsp://cam/live/trackID=1;seq=17;rtptime=1234,url=trackID=2;seq=9")
                        .build()));

        assertEquals(URI.create("rtsp://cam/live"), playing.url());
        assertEquals(2, playing.tracks().size());
        RtspTrack video = playing.tracks().get(0);
        assertEquals(
                List.of("H264", "rtsp://cam/live/trackID=1", 0, 1, OptionalInt.of(17), OptionalLong.of(1234)),
                List.of(
                        video.encodingName(),
                        video.controlUrl(),
                        video.rtpChannel(),
                        video.rtcpChannel(),
                        video.firstSequenceNumber(),
                        video.firstRtpTime()));
        RtspTrack audio = playing.tracks().get(1);
        assertEquals(
                List.of("MPEG4-GENERIC", 2, 3, OptionalInt.of(9), OptionalLong.empty()),
                List.of(
                        audio.encodingName(),
                        audio.rtpChannel(),
                        audio.rtcpChannel(),
                        audio.firstSequenceNumber(),
                        audio.firstRtpTime()));
        assertEquals(
                List.of("application"),
                playing.ignored().stream().map(m -> m.mediaType()).toList());
        assertEquals(15_000, playing.keepAliveIntervalMillis());
        assertTrue(conversation.playing());
    }

    @Test
    void theKeepAliveIsGetParameterWhenOptionsListedIt() {
        RtspConversation conversation = playing(conversation(Optional.empty()), "OPTIONS, DESCRIBE, GET_PARAMETER");

        assertEquals(
                "GET_PARAMETER rtsp://cam/live/ RTSP/1.0\r\nCSeq: 6\r\nSession: 5E2C8A\r\nUser-Agent: Vigil\r\n\r\n",
                text(conversation.keepAlive()));
        assertEquals(
                new ConversationStep.Answered(RtspMethod.GET_PARAMETER, 200), conversation.onResponse(ok(6).build()));
    }

    @Test
    void theKeepAliveIsOptionsWithTheSessionOtherwise() {
        RtspConversation conversation = playing(conversation(Optional.empty()), "OPTIONS, DESCRIBE, SETUP, PLAY");

        assertEquals(
                "OPTIONS rtsp://cam/live/ RTSP/1.0\r\nCSeq: 6\r\nSession: 5E2C8A\r\nUser-Agent: Vigil\r\n\r\n",
                text(conversation.keepAlive()));
    }

    @Test
    void keepAlivesComeAtMostEveryMaxKeepAliveInterval() {
        RtspTarget target = RtspTarget.of(URI.create("rtsp://cam/live"), Optional.empty());
        RtspConversation conversation = new RtspConversation(
                new RtspTarget(
                        target.url(),
                        Optional.empty(),
                        target.connectTimeout(),
                        target.requestTimeout(),
                        target.stallTimeout(),
                        Duration.ofSeconds(2),
                        "Vigil"),
                () -> "x");

        assertEquals(2_000, toPlaying(conversation, "OPTIONS").keepAliveIntervalMillis());
    }

    @Test
    void teardownIsAnsweredLikeAKeepAlive() {
        RtspConversation conversation = playing(conversation(Optional.empty()), "OPTIONS");

        assertEquals(
                "TEARDOWN rtsp://cam/live/ RTSP/1.0\r\nCSeq: 6\r\nSession: 5E2C8A\r\nUser-Agent: Vigil\r\n\r\n",
                text(conversation.teardown()));
        assertTrue(conversation.awaits(6));
        assertEquals(new ConversationStep.Answered(RtspMethod.TEARDOWN, 200), conversation.onResponse(ok(6).build()));
        assertFalse(conversation.awaits(6));
    }

    @Test
    void digestWithoutQopAnswersTheChallengeAndResendsTheRequest() {
        RtspConversation conversation = conversation(Optional.of(ADMIN));
        conversation.start();
        conversation.onResponse(ok(1).build());

        RtspRequest again = sent(conversation.onResponse(status(2, 401, "Unauthorized")
                .with("WWW-Authenticate", "Digest realm=\"IP Camera\", nonce=\"abc123\"")
                .build()));

        assertEquals(
                "DESCRIBE rtsp://cam/live RTSP/1.0\r\nCSeq: 3\r\nAccept: application/sdp\r\nUser-Agent: Vigil\r\n"
                        + "Authorization: Digest username=\"admin\", realm=\"IP Camera\", nonce=\"abc123\", "
                        + "uri=\"rtsp://cam/live\", response=\"10864b7a7e7eedcc9aa4573046a6e126\"\r\n\r\n",
                text(again));
    }

    @Test
    void digestWithQopAuthCountsTheNonceOnEveryRequest() {
        RtspConversation conversation = conversation(Optional.of(ADMIN));
        conversation.start();
        conversation.onResponse(ok(1).build());

        RtspRequest again = sent(conversation.onResponse(status(2, 401, "Unauthorized")
                .with("WWW-Authenticate", "Basic realm=\"IP Camera\"")
                .with("WWW-Authenticate", "Digest realm=\"IP Camera\", nonce=\"abc123\", qop=\"auth\"")
                .build()));
        RtspRequest setup = sent(conversation.onResponse(describeAnswer(3)));

        assertEquals(
                "Digest username=\"admin\", realm=\"IP Camera\", nonce=\"abc123\", uri=\"rtsp://cam/live\", "
                        + "response=\"c091461032cb86aa9ad2727b7b79771b\", algorithm=MD5, qop=auth, nc=00000001, "
                        + "cnonce=\"0a4f113b\"",
                again.headers().first("Authorization").orElseThrow());
        assertEquals(
                "Digest username=\"admin\", realm=\"IP Camera\", nonce=\"abc123\", "
                        + "uri=\"rtsp://cam/live/trackID=1\", response=\"ec0860e113028286663a292dcd3c71b4\", "
                        + "algorithm=MD5, qop=auth, nc=00000002, cnonce=\"0a4f113b\"",
                setup.headers().first("Authorization").orElseThrow());
    }

    @Test
    void basicIsSentWhenItIsTheOnlyChallenge() {
        RtspConversation conversation = conversation(Optional.of(ADMIN));
        conversation.start();

        RtspRequest again = sent(conversation.onResponse(status(1, 401, "Unauthorized")
                .with("WWW-Authenticate", "Basic realm=\"cam\"")
                .build()));

        assertEquals("OPTIONS", again.method().name());
        assertEquals(2, again.cseq());
        assertEquals(
                "Basic YWRtaW46c2VjcmV0", again.headers().first("Authorization").orElseThrow());
        assertEquals(List.of("Vigil"), again.headers().all("User-Agent"));
    }

    @Test
    void aSecond401FailsAsUnauthorizedWithoutTheCredentials() {
        RtspConversation conversation = conversation(Optional.of(ADMIN));
        conversation.start();
        conversation.onResponse(status(1, 401, "Unauthorized")
                .with("WWW-Authenticate", "Basic realm=\"cam\"")
                .build());

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(status(2, 401, "Unauthorized")
                        .with("WWW-Authenticate", "Basic realm=\"cam\"")
                        .build()));

        assertEquals(
                "UNAUTHORIZED: OPTIONS rtsp://cam/live: the camera refused the credentials (RTSP/1.0 401 Unauthorized)",
                refused.getMessage());
    }

    @Test
    void a401WithoutCredentialsFailsAsUnauthorized() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(status(1, 401, "Unauthorized")
                        .with("WWW-Authenticate", "Basic realm=\"cam\"")
                        .build()));

        assertEquals(MediaError.UNAUTHORIZED, refused.error());
    }

    @Test
    void aRedirectReconnectsToItsLocationAndStartsOver() {
        RtspConversation conversation = conversation(Optional.of(ADMIN));
        conversation.start();
        conversation.onResponse(ok(1).build());

        ConversationStep step = conversation.onResponse(status(2, 302, "Moved Temporarily")
                .with("Location", "rtsp://other:8554/stream1")
                .build());

        assertEquals(
                URI.create("rtsp://other:8554/stream1"),
                assertInstanceOf(ConversationStep.Reconnect.class, step)
                        .target()
                        .url());
        assertEquals(Optional.of(ADMIN), conversation.target().credentials());
        assertEquals(
                "OPTIONS rtsp://other:8554/stream1 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: Vigil\r\n\r\n",
                text(conversation.start()));
    }

    @Test
    void aFourthRedirectIsRefused() {
        RtspConversation conversation = conversation(Optional.empty());
        for (int redirect = 1; redirect <= RtspConversation.MAX_REDIRECTS; redirect++) {
            int cseq = conversation.start().cseq();
            assertInstanceOf(
                    ConversationStep.Reconnect.class,
                    conversation.onResponse(status(cseq, 301, "Moved")
                            .with("Location", "/hop" + redirect)
                            .build()));
        }
        int cseq = conversation.start().cseq();

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(
                        status(cseq, 301, "Moved").with("Location", "/hop4").build()));

        assertEquals("PROTOCOL: more than 3 redirects, the last from rtsp://cam/hop3", refused.getMessage());
    }

    @Test
    void aRedirectToRtspsIsUnsupported() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(status(1, 302, "Found")
                        .with("Location", "rtsps://cam/live")
                        .build()));

        assertEquals(MediaError.UNSUPPORTED, refused.error());
    }

    @Test
    void transportRefused461IsUnsupported() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();
        conversation.onResponse(ok(1).build());
        conversation.onResponse(describeAnswer(2));

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(
                        status(3, 461, "Unsupported Transport").build()));

        assertEquals(
                "UNSUPPORTED: SETUP rtsp://cam/live/trackID=1 refused RTP over the RTSP connection: "
                        + "RTSP/1.0 461 Unsupported Transport",
                refused.getMessage());
    }

    @Test
    void anUnexpectedStatusIsAProtocolErrorNamingItsStatusLine() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();
        conversation.onResponse(ok(1).build());

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(status(2, 404, "Not Found").build()));

        assertEquals("PROTOCOL: DESCRIBE rtsp://cam/live answered RTSP/1.0 404 Not Found", refused.getMessage());
    }

    @Test
    void aRefusedOptionsStillDescribes() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();

        RtspRequest describe =
                sent(conversation.onResponse(status(1, 501, "Not Implemented").build()));

        assertEquals(RtspMethod.DESCRIBE, describe.method());
    }

    @Test
    void aDescriptionWithoutH264OrH265VideoIsUnsupported() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();
        conversation.onResponse(ok(1).build());
        String mjpeg = "v=0\r\nm=video 0 RTP/AVP 26\r\na=rtpmap:26 JPEG/90000\r\n";

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(ok(2).body(mjpeg).build()));

        assertEquals("UNSUPPORTED: no H.264 or H.265 video among the media: [video/JPEG]", refused.getMessage());
    }

    @Test
    void aSetupAnswerWithoutSessionIsAProtocolError() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();
        conversation.onResponse(ok(1).build());
        conversation.onResponse(describeAnswer(2));

        MediaException refused = assertThrows(MediaException.class, () -> conversation.onResponse(ok(3).build()));

        assertEquals("PROTOCOL: SETUP rtsp://cam/live/trackID=1 answered without a Session", refused.getMessage());
    }

    @Test
    void aContentBaseNoRequestMayCarryIsAProtocolError() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();
        conversation.onResponse(ok(1).build());

        MediaException refused = assertThrows(
                MediaException.class,
                () -> conversation.onResponse(
                        ok(2).with("Content-Base", "rtsp://cam/a b/").body(SDP).build()));

        assertEquals(MediaError.PROTOCOL, refused.error());
    }

    @Test
    void anAnswerToAnotherCseqIsIgnored() {
        RtspConversation conversation = conversation(Optional.empty());
        conversation.start();

        assertInstanceOf(ConversationStep.Ignored.class, conversation.onResponse(ok(7).build()));
        assertTrue(conversation.awaits(1));
    }

    @Test
    void aTargetWithUserInfoIsRefusedWithoutShowingIt() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> RtspTarget.of(URI.create("rtsp://admin:secret@cam/live"), Optional.empty()));

        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }

    @Test
    void anRtspsTargetIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> RtspTarget.of(URI.create("rtsps://cam/live"), Optional.empty()));
    }

    /** Plays the two-track description, OPTIONS answered with {@code publicMethods}; 5 requests sent. */
    private static RtspConversation playing(RtspConversation conversation, String publicMethods) {
        toPlaying(conversation, publicMethods);
        return conversation;
    }

    private static ConversationStep.Playing toPlaying(RtspConversation conversation, String publicMethods) {
        conversation.start();
        conversation.onResponse(ok(1).with("Public", publicMethods).build());
        conversation.onResponse(describeAnswer(2));
        conversation.onResponse(ok(3).with("Session", "5E2C8A;timeout=30").build());
        conversation.onResponse(ok(4).with("Session", "5E2C8A;timeout=30").build());
        return assertInstanceOf(ConversationStep.Playing.class, conversation.onResponse(ok(5).build()));
    }

    private static RtspResponse describeAnswer(int cseq) {
        return ok(cseq).with("Content-Base", "rtsp://cam/live/")
                .with("Content-Type", "application/sdp")
                .body(SDP)
                .build();
    }

    private static RtspRequest sent(ConversationStep step) {
        return assertInstanceOf(ConversationStep.Send.class, step).request();
    }

    private static String text(RtspRequest request) {
        return new String(request.bytes(), StandardCharsets.UTF_8);
    }

    private static ResponseBuilder ok(int cseq) {
        return status(cseq, 200, "OK");
    }

    private static ResponseBuilder status(int cseq, int code, String reason) {
        return new ResponseBuilder(code, reason, RtspHeaders.NONE.with("CSeq", Integer.toString(cseq)), "");
    }

    /** A response written in a test. */
    record ResponseBuilder(int code, String reason, RtspHeaders headers, String body) {
        ResponseBuilder with(String name, String value) {
            return new ResponseBuilder(code, reason, headers.with(name, value), body);
        }

        ResponseBuilder body(String text) {
            return new ResponseBuilder(code, reason, headers, text);
        }

        RtspResponse build() {
            return new RtspResponse(code, reason, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
