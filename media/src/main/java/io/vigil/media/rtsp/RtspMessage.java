package io.vigil.media.rtsp;

import java.util.regex.Pattern;

/**
 * One RTSP message as it came off the connection (RFC 2326 §4): its start line (a status line, or a request line a
 * camera may send too, such as ANNOUNCE or SET_PARAMETER), its headers and its body (Content-Length bytes).
 */
@SuppressWarnings("ArrayRecordComponent") // the body is copied in and out, and messages are never compared
public record RtspMessage(String startLine, RtspHeaders headers, byte[] body) implements InterleavedItem {

    private static final Pattern STATUS_LINE = Pattern.compile("RTSP/\\d\\.\\d [1-9]\\d{2}(?: [^\\r\\n]*)?");
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z_]{1,32} \\S+ RTSP/\\d\\.\\d");

    public RtspMessage {
        if (!isStartLine(startLine)) {
            throw new IllegalArgumentException("not an RTSP status or request line: '" + startLine + "'");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int bodyBytes() {
        return body.length;
    }

    public boolean isResponse() {
        return startLine.startsWith("RTSP/");
    }

    static boolean isStartLine(String line) {
        return STATUS_LINE.matcher(line).matches() || REQUEST_LINE.matcher(line).matches();
    }
}
