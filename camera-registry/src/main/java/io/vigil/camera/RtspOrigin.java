package io.vigil.camera;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a camera's credentials are sent: scheme, host and port of its URL. Two URLs have the same origin when
 * their schemes are equal, their hosts equal ignoring case, and their ports equal once the default port is filled
 * in (554 for {@code rtsp}, 322 for {@code rtsps}). Pure.
 *
 * @param scheme {@code rtsp} or {@code rtsps}, lower case
 * @param host   host name or address literal, lower case, IPv6 without brackets
 * @param port   the port, the scheme's default when the URL has none
 */
public record RtspOrigin(String scheme, String host, int port) {

    public static final int RTSP_DEFAULT_PORT = 554;
    public static final int RTSPS_DEFAULT_PORT = 322;

    /** @param port the URL's port, or -1 for the scheme's default */
    public RtspOrigin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new IllegalArgumentException("not an RTSP scheme: " + scheme);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 0) {
            port = scheme.equals("rtsps") ? RTSPS_DEFAULT_PORT : RTSP_DEFAULT_PORT;
        }
        if (port == 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean tls() {
        return scheme.equals("rtsps");
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
