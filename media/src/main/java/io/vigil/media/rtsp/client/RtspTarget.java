package io.vigil.media.rtsp.client;

import io.vigil.media.auth.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how {@link RtspClient} opens a session: an {@code rtsp://} URL without user info (credentials travel
 * apart, in {@code credentials}, so that no URL that is logged or put in a message carries them), the connect
 * timeout, the timeout of each request, the stall timeout (no RTP packet for that long closes the session), the
 * longest time between two keep-alives (they come every half session timeout, or sooner if this says so) and the
 * User-Agent sent. {@code rtsps://} is refused: the client speaks RTSP over plain TCP only.
 */
public record RtspTarget(
        URI url,
        Optional<Credentials> credentials,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration stallTimeout,
        Duration maxKeepAliveInterval,
        String userAgent) {

    public static final int DEFAULT_PORT = 554;

    public RtspTarget {
        if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("rtsp")) {
            throw new IllegalArgumentException(
                    "an rtsp:// URL (rtsps and UDP are not spoken here): scheme " + url.getScheme());
        }
        if (url.getRawUserInfo() != null) {
            // the URL itself is not named: it would show the credentials
            throw new IllegalArgumentException("an RTSP URL with user info: give the credentials apart");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("an RTSP URL without a host: " + url);
        }
        for (Duration duration : new Duration[] {connectTimeout, requestTimeout, stallTimeout, maxKeepAliveInterval}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a timeout of " + duration);
            }
        }
        if (userAgent.isEmpty() || !userAgent.chars().allMatch(c -> c >= 32 && c < 127)) {
            throw new IllegalArgumentException("a User-Agent of printable ASCII: '" + userAgent + "'");
        }
    }

    /**
     * {@code url} with the defaults: 5 s to connect, 10 s per request, 10 s of stall, keep-alives as the session
     * timeout asks, User-Agent {@code Vigil}.
     */
    public static RtspTarget of(URI url, Optional<Credentials> credentials) {
        return new RtspTarget(
                url,
                credentials,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                "Vigil");
    }

    /** This target at {@code other} (a redirect's Location), the rest kept. */
    public RtspTarget at(URI other) {
        return new RtspTarget(
                other, credentials, connectTimeout, requestTimeout, stallTimeout, maxKeepAliveInterval, userAgent);
    }

    /** The port to connect to: the URL's, else 554. */
    public int port() {
        return url.getPort() < 0 ? DEFAULT_PORT : url.getPort();
    }
}
