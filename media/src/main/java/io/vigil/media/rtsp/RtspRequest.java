package io.vigil.media.rtsp;

import java.nio.charset.StandardCharsets;

/**
 * One RTSP request as the client writes it: method, URL, CSeq and headers (Authorization, User-Agent and the
 * like are added with {@link #with}). {@link #bytes()} is the wire form, no body.
 */
public record RtspRequest(RtspMethod method, String url, int cseq, RtspHeaders headers) {

    public RtspRequest {
        if (url.isEmpty() || !url.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("a request URL without spaces or control characters: '" + url + "'");
        }
        if (cseq < 0) {
            throw new IllegalArgumentException("a negative CSeq: " + cseq);
        }
        if (headers.first("CSeq").isPresent()) {
            throw new IllegalArgumentException("CSeq is the request's own, not a header to add");
        }
    }

    public static RtspRequest options(String url, int cseq) {
        return new RtspRequest(RtspMethod.OPTIONS, url, cseq, RtspHeaders.NONE);
    }

    public static RtspRequest describe(String url, int cseq) {
        return new RtspRequest(RtspMethod.DESCRIBE, url, cseq, RtspHeaders.NONE.with("Accept", "application/sdp"));
    }

    /**
     * SETUP of one stream over the RTSP connection, RTP on {@code rtpChannel} and RTCP on the next; {@code session}
     * is null for the first stream, the server's id for the others.
     */
    public static RtspRequest setupInterleaved(String url, int cseq, int rtpChannel, String session) {
        if (rtpChannel < 0 || rtpChannel > 254) {
            throw new IllegalArgumentException("an RTP channel 0-254, its RTCP channel next: " + rtpChannel);
        }
        RtspHeaders headers = RtspHeaders.NONE.with(
                "Transport", "RTP/AVP/TCP;unicast;interleaved=" + rtpChannel + "-" + (rtpChannel + 1));
        return new RtspRequest(
                RtspMethod.SETUP, url, cseq, session == null ? headers : headers.with("Session", session));
    }

    /** PLAY from now on (live: {@code Range: npt=0.000-}). */
    public static RtspRequest play(String url, int cseq, String session) {
        return new RtspRequest(
                RtspMethod.PLAY,
                url,
                cseq,
                RtspHeaders.NONE.with("Session", session).with("Range", "npt=0.000-"));
    }

    /** The keep-alive: an empty GET_PARAMETER within the session's timeout. */
    public static RtspRequest getParameter(String url, int cseq, String session) {
        return new RtspRequest(RtspMethod.GET_PARAMETER, url, cseq, RtspHeaders.NONE.with("Session", session));
    }

    public static RtspRequest teardown(String url, int cseq, String session) {
        return new RtspRequest(RtspMethod.TEARDOWN, url, cseq, RtspHeaders.NONE.with("Session", session));
    }

    /** This request with one more header ({@link RtspHeaders.Header} refuses a value on several lines). */
    public RtspRequest with(String name, String value) {
        return new RtspRequest(method, url, cseq, headers.with(name, value));
    }

    /** The request on the wire: request line, CSeq, the headers in order, an empty line. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(128)
                .append(method.name())
                .append(' ')
                .append(url)
                .append(" RTSP/1.0\r\n")
                .append("CSeq: ")
                .append(cseq)
                .append("\r\n");
        for (RtspHeaders.Header header : headers.lines()) {
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
