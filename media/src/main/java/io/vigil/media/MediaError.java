package io.vigil.media;

/** Why the media library refused some bytes: one code per kind of refusal, named in every {@link MediaException}. */
public enum MediaError {
    /** Garbage where an interleaved frame or an RTSP message should start, past the resynchronisation bound. */
    STREAM_OUT_OF_SYNC,
    /** An RTSP message's start line and headers longer than the decoder's bound. */
    HEADER_TOO_LARGE,
    /** More RTSP header lines than the decoder's bound. */
    TOO_MANY_HEADERS,
    /** An RTSP message body (Content-Length) longer than the decoder's bound. */
    BODY_TOO_LARGE,
    /** An RTSP message that does not follow RFC 2326's grammar (start line, header line, Content-Length). */
    MALFORMED_MESSAGE,
    /** An RTSP header value that does not follow its grammar (Session, Transport, RTP-Info, WWW-Authenticate). */
    MALFORMED_HEADER,
    /** An authentication challenge Vigil cannot answer (a scheme other than Basic and Digest, auth-int only, ...). */
    AUTH_UNSUPPORTED,
    /** A session description that does not follow RFC 8866's grammar where the library needs it. */
    MALFORMED_SDP,
    /** An RTP packet shorter than its header says, of another version, or with impossible padding. */
    MALFORMED_RTP,
    /**
     * H.264 or H.265 parameter sets the fMP4 writer cannot use: a type missing, an SPS that ends early or has an
     * impossible picture size, another NAL unit among them, or more than a decoder configuration record holds.
     */
    MALFORMED_PARAMETER_SET,
    /**
     * An AAC RTP payload whose AU headers (RFC 3640 AAC-hbr) do not describe its bytes, or interleave its AUs; or an
     * AudioSpecificConfig the fMP4 writer cannot read.
     */
    MALFORMED_AAC,
    /** An MP4 (ISO-BMFF) init or media segment whose boxes are too short for what they must hold, or lack them. */
    MALFORMED_MP4,
    /** A decoder used again after it refused its input. */
    DECODER_FAILED,
    /** An RTCP packet whose header or length does not fit its bytes (RFC 3550 §6.4). */
    MALFORMED_RTCP,
    /** A camera that refused the credentials given, or asked for some when none were given. */
    UNAUTHORIZED,
    /** A camera that could not be reached: its name does not resolve, the connection is refused or times out. */
    UNREACHABLE,
    /** A camera that did not answer a request, or sent no RTP packet, within its timeout. */
    TIMEOUT,
    /** A camera that answered against RTSP: an unexpected status (named in the message), too many redirects. */
    PROTOCOL,
    /** A stream the RTSP client does not take: no H.264 or H.265 video, a transport the camera refuses (461). */
    UNSUPPORTED,
    /** A camera that closed the connection, or reset it, while a session was open. */
    CONNECTION_CLOSED,
    /** A session listener that threw: the session is closed with what it threw. */
    LISTENER_FAILED,
    /**
     * A ZIP entry name the writer refuses: empty, longer than 65,535 bytes of UTF-8, not well-formed Unicode, absolute,
     * with a colon, a backslash, a control character, an empty, {@code .} or {@code ..} segment, or the name of
     * an entry already written (ignoring case).
     */
    ZIP_NAME_REFUSED,
    /** A ZIP archive past the writer's bound on entries or central directory bytes (kept in memory until the end). */
    ZIP_TOO_MANY_ENTRIES
}
