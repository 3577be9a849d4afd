package io.vigil.camera;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code rtsp://} or {@code rtsps://} camera URL without credentials. Credentials live beside it
 * ({@link Camera#username()}, {@link Camera#password()}) and are put into the URL only for the
 * connection itself, by {@link #withCredentials(String, String)}.
 */
public record RtspUrl(String value) {

    private static final Pattern USERINFO = Pattern.compile("(?i)(rtsps?://)[^/@\\s]*@");

    public RtspUrl {
        if (value == null) {
            throw new IllegalArgumentException("url is required");
        }
    }

    /** Credentials that were embedded in a URL an installer typed. */
    public record Parsed(RtspUrl url, Optional<String> username, Optional<String> password) {}

    /**
     * Parses a URL as typed, moving credentials out of it.
     *
     * @throws IllegalArgumentException with a message safe to show if it is not a usable RTSP URL: it never quotes
     *                                  the text, which may hold a password anywhere (an {@code @} or a space in the
     *                                  password defeats any attempt to cut the userinfo out of a malformed URL)
     */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String trimmed = text.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + "); write rtsp://host[:port]/path, with the user name and password in "
                    + "their own fields or percent-encoded");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new IllegalArgumentException("must start with rtsp:// or rtsps://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("has no usable host (a password holding '@', '/' or ':' must be "
                    + "percent-encoded, or given in the password field)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("has an invalid port (1-65535)");
        }
        Optional<String> user = Optional.empty();
        Optional<String> pass = Optional.empty();
        String rawUserInfo = uri.getRawUserInfo();
        if (rawUserInfo != null) {
            int colon = rawUserInfo.indexOf(':');
            String u = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
            user = Optional.of(decode(u)).filter(s -> !s.isEmpty());
            if (colon >= 0) {
                pass = Optional.of(decode(rawUserInfo.substring(colon + 1))).filter(s -> !s.isEmpty());
            }
        }
        StringBuilder clean = new StringBuilder(scheme).append("://");
        String host = uri.getHost();
        clean.append(host);
        if (uri.getPort() > 0) {
            clean.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            clean.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            clean.append('?').append(uri.getRawQuery());
        }
        return new Parsed(new RtspUrl(clean.toString()), user, pass);
    }

    /** Scheme, host and port: where credentials for this URL go (see {@link RtspOrigin}). */
    public RtspOrigin origin() {
        URI uri = URI.create(value);
        return new RtspOrigin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /** This URL with its host replaced by {@code address} (an IP literal, bracketed for IPv6), for a checked connection. */
    public RtspUrl withHost(String address) {
        URI uri = URI.create(value);
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return new RtspUrl(uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The URL handed to FFmpeg: credentials percent-encoded into it. Never log or return it. */
    public String withCredentials(String username, String password) {
        if (username == null || username.isEmpty()) {
            return value;
        }
        int schemeEnd = value.indexOf("://") + 3;
        String userInfo = encode(username) + (password == null ? "" : ":" + encode(password));
        return value.substring(0, schemeEnd) + userInfo + "@" + value.substring(schemeEnd);
    }

    /** Removes any {@code user:password@} from RTSP URLs inside free text (log lines, error messages). */
    public static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
