package io.vigil.access.share;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where this service is reached from outside (glossary: public URL), to answer share links as absolute URLs: the
 * configured {@code vigil.http.public-url} (env {@code VIGIL_HTTP_PUBLIC_URL}; checked at start-up: http or https,
 * a host, no path, query, fragment or user info), else the scheme and {@code Host} of the request that asked. A
 * {@code Host} that is not a host name or address (with a port) is not echoed: the link then stays a path.
 */
@Context
public class PublicUrl {

    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private final String configured;

    public PublicUrl(@Nullable @Value("${vigil.http.public-url:}") String configured) {
        this.configured = configured == null || configured.isBlank() ? null : parse(configured);
    }

    /** {@code path} (starting with {@code /}) as an absolute URL for this request's caller. */
    public String absolute(HttpRequest<?> request, String path) {
        return base(request.isSecure(), request.getHeaders().get(HttpHeaders.HOST))
                .map(base -> base + path)
                .orElse(path);
    }

    /** The base: the configured one, else {@code scheme://host} of the request when its host is one. */
    Optional<String> base(boolean secure, @Nullable String host) {
        if (configured != null) {
            return Optional.of(configured);
        }
        if (host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of((secure ? "https://" : "http://") + host.toLowerCase(Locale.ROOT));
    }

    /**
     * The configured public URL without a trailing slash.
     *
     * @throws IllegalArgumentException naming the setting and what is wrong
     */
    static String parse(String text) {
        String problem = "vigil.http.public-url must be http(s)://host[:port] with no path, query or fragment, e.g. "
                + "https://vigil.example.com:8443: ";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem + "not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(problem + "the scheme is not http or https: " + text);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(problem + "no host, or user info: " + text);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(problem + "it has a path, query or fragment: " + text);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
