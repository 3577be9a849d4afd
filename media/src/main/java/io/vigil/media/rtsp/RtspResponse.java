package io.vigil.media.rtsp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.auth.AuthChallenge;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An RTSP response (RFC 2326 §7) and the headers a client reads from it, each parsed by its own class. */
@SuppressWarnings("ArrayRecordComponent") // the body is copied in and out, and responses are never compared
public record RtspResponse(int statusCode, String reason, RtspHeaders headers, byte[] body) {

    public RtspResponse {
        if (statusCode < 100 || statusCode > 999) {
            throw new IllegalArgumentException("an RTSP status code has three digits: " + statusCode);
        }
        body = body.clone();
    }

    /** The response {@code message} is; a request is refused ({@link MediaError#MALFORMED_MESSAGE}). */
    public static RtspResponse of(RtspMessage message) {
        if (!message.isResponse()) {
            throw new MediaException(
                    MediaError.MALFORMED_MESSAGE, "a request where a response was due: '" + message.startLine() + "'");
        }
        String line = message.startLine();
        int code = Integer.parseInt(line.substring(9, 12)); // RtspMessage checked "RTSP/d.d ddd"
        String reason = line.length() > 13 ? line.substring(13).trim() : "";
        return new RtspResponse(code, reason, message.headers(), message.body());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The CSeq this response answers, if it says one. */
    public OptionalInt cseq() {
        Optional<String> value = headers.first("CSeq");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.get().matches("\\d{1,9}")) {
            throw new MediaException(MediaError.MALFORMED_HEADER, "CSeq '" + value.get() + "'");
        }
        return OptionalInt.of(Integer.parseInt(value.get()));
    }

    public Optional<SessionHeader> session() {
        return headers.first("Session").map(SessionHeader::parse);
    }

    public Optional<InterleavedTransport> transport() {
        return headers.first("Transport").map(InterleavedTransport::parse);
    }

    /** RTP-Info of a PLAY answer: each stream's first sequence number and RTP time. */
    public List<RtpInfo> rtpInfo() {
        return headers.first("RTP-Info").map(RtpInfo::parseAll).orElse(List.of());
    }

    /** Every WWW-Authenticate challenge of a 401, in order (cameras often offer Digest and Basic). */
    public List<AuthChallenge> challenges() {
        return headers.all("WWW-Authenticate").stream()
                .map(AuthChallenge::parse)
                .toList();
    }

    /** The URL relative controls resolve against: Content-Base, else Content-Location (RFC 2326 C.1.1). */
    public Optional<String> contentBase() {
        return headers.first("Content-Base").or(() -> headers.first("Content-Location"));
    }

    /** Where a redirect (3xx) points. */
    public Optional<String> location() {
        return headers.first("Location");
    }
}
