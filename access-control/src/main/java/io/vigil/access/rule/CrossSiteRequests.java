package io.vigil.access.rule;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests a browser sent from another site's page, where they must not change anything: a page anywhere can
 * make the browser POST, PUT or DELETE to Vigil, and the browser adds the Basic credentials it remembers for Vigil.
 * Pure. A browser says where a request comes from in {@code Sec-Fetch-Site} (every current browser) and, older ones,
 * in {@code Origin}; clients that are not browsers (curl, scripts, players) send neither and are not refused.
 */
public final class CrossSiteRequests {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    private CrossSiteRequests() {}

    /**
     * Why this request is refused, or empty when it may go on.
     *
     * @param secFetchSite its {@code Sec-Fetch-Site} header: only {@code same-origin} and {@code none} (typed by the
     *                     user) may change anything; {@code same-site} is another port or sub-domain, another site
     * @param origin       its {@code Origin} header, asked only without {@code Sec-Fetch-Site}: must be this server
     * @param host         its {@code Host} header: this server's name (and port) as the browser reached it
     */
    public static Optional<String> refusal(
            String method, @Nullable String secFetchSite, @Nullable String origin, @Nullable String host) {
        if (!STATE_CHANGING.contains(method)) {
            return Optional.empty();
        }
        if (secFetchSite != null) {
            String site = secFetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none")
                    ? Optional.empty()
                    : Optional.of("a page of another site (Sec-Fetch-Site: " + shortened(site)
                            + ") may not change anything here");
        }
        if (origin != null) {
            return sameAuthority(origin, host)
                    ? Optional.empty()
                    : Optional.of("a page of another origin (" + shortened(origin) + ") may not change anything here");
        }
        return Optional.empty();
    }

    /** Whether the origin names this host and port ({@code null} or unreadable origins do not). */
    static boolean sameAuthority(String origin, @Nullable String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI from = URI.create(origin.trim());
            String scheme = from.getScheme() == null ? "" : from.getScheme().toLowerCase(Locale.ROOT);
            if (from.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return false;
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            URI to = URI.create("http://" + host.trim());
            return to.getHost() != null
                    && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from, defaultPort) == port(to, defaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() < 0 ? defaultPort : uri.getPort();
    }

    private static String shortened(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
