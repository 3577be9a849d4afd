package io.vigil.media.rtsp;

/** The RTSP requests Vigil's client sends (RFC 2326 §10). */
public enum RtspMethod {
    OPTIONS,
    DESCRIBE,
    SETUP,
    PLAY,
    GET_PARAMETER,
    TEARDOWN
}
