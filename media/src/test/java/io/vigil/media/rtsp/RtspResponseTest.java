package io.vigil.media.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.auth.AuthChallenge;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@SuppressWarnings("StringConcatToTextBlock") // RTSP and SDP lines end in CRLF, which a text block would hide
class RtspResponseTest {

    static RtspResponse response(String text) {
        List<InterleavedItem> items = new ArrayList<>();
        new InterleavedDecoder(StreamLimits.DEFAULT)
                .feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), items::add);
        return RtspResponse.of((RtspMessage) items.get(0));
    }

    @Test
    void aSetupAnswer() {
        RtspResponse setup = response("RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 1273222592;timeout=60\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=5D1EFA2B;mode=\"play\"\r\n\r\n");
        assertEquals(200, setup.statusCode());
        assertEquals("OK", setup.reason());
        assertEquals(OptionalInt.of(3), setup.cseq());
        assertEquals(Optional.of(new SessionHeader("1273222592", 60)), setup.session());
        assertEquals(Optional.of(new InterleavedTransport(0, 1, OptionalLong.of(0x5D1EFA2BL))), setup.transport());
    }

    /** A Hikvision camera's SETUP answer, from retina's src/client/testdata/hikvision_setup_ssrc_space.txt (MIT). */
    @Test
    void anSsrcThatIsNotHexadecimalIsLeftOut() {
        RtspResponse setup =
                response("RTSP/1.0 200 OK\nCSeq: 3\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc= d6d6627\n"
                        + "Session: 708886412;timeout=60\n\n");
        assertEquals(Optional.of(new InterleavedTransport(0, 1, OptionalLong.of(0xd6d6627L))), setup.transport());
        assertEquals(
                Optional.of(new InterleavedTransport(2, 3, OptionalLong.empty())),
                response("RTSP/1.0 200 OK\r\nTransport: RTP/AVP/TCP;interleaved=2-3;ssrc=0x1F\r\n\r\n")
                        .transport());
    }

    @Test
    void aPlayAnswerWithRtpInfoOfTwoStreams() {
        RtspResponse play = response(
                "RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: 12345678\r\nRTP-Info: "
                        + "url=rtsp://10.0.0.2/live/trackID=1;seq=39015;rtptime=3180127418,url=rtsp://10.0.0.2/live/trackID=2;seq=7\r\n\r\n");
        assertEquals(
                List.of(
                        new RtpInfo(
                                "rtsp://10.0.0.2/live/trackID=1", OptionalInt.of(39015), OptionalLong.of(3180127418L)),
                        new RtpInfo("rtsp://10.0.0.2/live/trackID=2", OptionalInt.of(7), OptionalLong.empty())),
                play.rtpInfo());
        assertEquals(Optional.of(new SessionHeader("12345678", SessionHeader.DEFAULT_TIMEOUT_SECONDS)), play.session());
    }

    @Test
    void aChallengeOfferingDigestAndBasic() {
        RtspResponse unauthorized = response("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
                + "WWW-Authenticate: Digest realm=\"IP Camera(C1234)\", nonce=\"4e5a3b7c9d\", stale=\"FALSE\"\r\n"
                + "WWW-Authenticate: Basic realm=\"IP Camera(C1234)\"\r\n\r\n");
        assertEquals(401, unauthorized.statusCode());
        assertEquals(
                List.of(
                        new AuthChallenge(
                                "digest", Map.of("realm", "IP Camera(C1234)", "nonce", "4e5a3b7c9d", "stale", "FALSE")),
                        new AuthChallenge("basic", Map.of("realm", "IP Camera(C1234)"))),
                unauthorized.challenges());
    }

    @Test
    void contentBaseElseContentLocationAndARedirect() {
        assertEquals(
                Optional.of("rtsp://cam/a/"),
                response("RTSP/1.0 200 OK\r\nContent-Location: rtsp://cam/b/\r\n"
                                + "Content-Base: rtsp://cam/a/\r\n\r\n")
                        .contentBase());
        assertEquals(
                Optional.of("rtsp://cam/b/"),
                response("RTSP/1.0 200 OK\r\nContent-Location: rtsp://cam/b/\r\n\r\n")
                        .contentBase());
        RtspResponse moved = response("RTSP/1.0 302 Moved Temporarily\r\nLocation: rtsp://other:8554/x\r\n\r\n");
        assertEquals(Optional.of("rtsp://other:8554/x"), moved.location());
        assertEquals(false, moved.isSuccess());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MALFORMED_HEADER | CSeq      | x1",
                "MALFORMED_HEADER | Session   | ;timeout=60",
                "MALFORMED_HEADER | Session   | ;",
                "MALFORMED_HEADER | Session   | abc;timeout=0",
                "MALFORMED_HEADER | Session   | abc;timeout=sixty",
                "MALFORMED_HEADER | Transport | RTP/AVP/TCP;unicast",
                "MALFORMED_HEADER | Transport | RTP/AVP/TCP;interleaved=0-0",
                "MALFORMED_HEADER | Transport | RTP/AVP/TCP;interleaved=255",
                "MALFORMED_HEADER | RTP-Info  | seq=1",
                "MALFORMED_HEADER | RTP-Info  | url=rtsp://c/t;seq=65536",
                "MALFORMED_HEADER | RTP-Info  | url=rtsp://c/t;rtptime=4294967296"
            })
    void aMalformedHeaderIsRefusedWhenRead(MediaError error, String name, String value) {
        RtspResponse answer = response("RTSP/1.0 200 OK\r\n" + name + ": " + value + "\r\n\r\n");
        MediaException refused = assertThrows(MediaException.class, () -> {
            answer.cseq();
            answer.session();
            answer.transport();
            answer.rtpInfo();
        });
        assertEquals(error, refused.error());
    }

    @Test
    void aRequestIsNoResponse() {
        RtspMessage request = new RtspMessage("ANNOUNCE rtsp://cam/ RTSP/1.0", RtspHeaders.NONE, new byte[0]);
        assertEquals(
                MediaError.MALFORMED_MESSAGE,
                assertThrows(MediaException.class, () -> RtspResponse.of(request))
                        .error());
    }
}
