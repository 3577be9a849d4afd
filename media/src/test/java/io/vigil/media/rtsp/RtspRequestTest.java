package io.vigil.media.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtspRequestTest {

    private static String text(RtspRequest request) {
        return new String(request.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void eachRequestOnTheWire() {
        String url = "rtsp://10.0.0.2:554/Streaming/Channels/101";
        assertEquals(
                "OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Vigil\r\n\r\n",
                text(RtspRequest.options(url, 1).with("User-Agent", "Vigil")));
        assertEquals(
                "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n"
                        + "Authorization: Basic YTpi\r\n\r\n",
                text(RtspRequest.describe(url, 2).with("Authorization", "Basic YTpi")));
        assertEquals(
                "SETUP " + url + "/trackID=1 RTSP/1.0\r\nCSeq: 3\r\n"
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n",
                text(RtspRequest.setupInterleaved(url + "/trackID=1", 3, 0, null)));
        assertEquals(
                "SETUP " + url + "/trackID=2 RTSP/1.0\r\nCSeq: 4\r\n"
                        + "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\nSession: 42\r\n\r\n",
                text(RtspRequest.setupInterleaved(url + "/trackID=2", 4, 2, "42")));
        assertEquals(
                "PLAY " + url + " RTSP/1.0\r\nCSeq: 5\r\nSession: 42\r\nRange: npt=0.000-\r\n\r\n",
                text(RtspRequest.play(url, 5, "42")));
        assertEquals(
                "GET_PARAMETER " + url + " RTSP/1.0\r\nCSeq: 6\r\nSession: 42\r\n\r\n",
                text(RtspRequest.getParameter(url, 6, "42")));
        assertEquals(
                "TEARDOWN " + url + " RTSP/1.0\r\nCSeq: 7\r\nSession: 42\r\n\r\n",
                text(RtspRequest.teardown(url, 7, "42")));
    }

    @Test
    void noHeaderInjectionNorSpacesInTheUrl() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RtspRequest.options("rtsp://cam/", 1).with("User-Agent", "x\r\nEvil: 1"));
        assertThrows(IllegalArgumentException.class, () -> RtspRequest.options("rtsp://cam/a b", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> RtspRequest.options("rtsp://cam/", 1).with("CSeq", "2"));
        assertThrows(IllegalArgumentException.class, () -> RtspRequest.setupInterleaved("rtsp://cam/", 1, 255, null));
    }
}
