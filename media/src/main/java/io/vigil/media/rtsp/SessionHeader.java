package io.vigil.media.rtsp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;

/**
 * An RTSP session (RFC 2326 §12.37): the id a server gave at SETUP and how long it keeps the session without a
 * request (60 s when it does not say). Not a recording session.
 */
public record SessionHeader(String id, int timeoutSeconds) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    public SessionHeader {
        if (id.isEmpty() || !id.chars().allMatch(c -> c > 32 && c < 127 && c != ';')) {
            throw new IllegalArgumentException("not a session id: '" + id + "'");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("a session timeout of " + timeoutSeconds + " s");
        }
    }

    /** {@code 12345678;timeout=60}; a timeout that is not a positive number is refused. */
    public static SessionHeader parse(String value) {
        String[] parts = value.split(";", -1);
        String id = parts[0].trim();
        if (id.isEmpty() || !id.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new MediaException(MediaError.MALFORMED_HEADER, "Session '" + value + "'");
        }
        int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (RtspHeaders.lower(parameter).startsWith("timeout=")) {
                String seconds = parameter.substring("timeout=".length()).trim();
                if (!seconds.matches("\\d{1,6}") || Integer.parseInt(seconds) == 0) {
                    throw new MediaException(MediaError.MALFORMED_HEADER, "Session timeout '" + seconds + "'");
                }
                timeoutSeconds = Integer.parseInt(seconds);
            }
        }
        return new SessionHeader(id, timeoutSeconds);
    }
}
