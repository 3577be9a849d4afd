package io.vigil.alerts.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A webhook's URL, checked: absolute {@code http} or {@code https}, a host, no user info, no fragment. A webhook URL
 * may hold a secret in its path or query (chat services' incoming webhooks do), so the target is named everywhere
 * else by its {@link #origin()} only, and {@link #toString()} shows nothing more.
 */
public final class WebhookTarget {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2_000;

    private final URI url;

    private WebhookTarget(URI url) {
        this.url = url;
    }

    /** The target at {@code text}, or an {@link IllegalArgumentException} that repeats no more than its origin. */
    public static WebhookTarget of(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a webhook URL is an http or https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "a webhook URL must be a valid http or https URL (its text is not shown)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a webhook URL must be http or https, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("a webhook URL must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a webhook URL must not carry user info (" + scheme + "://"
                    + uri.getHost() + "): put a token in its path, or rely on the signature");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "a webhook URL has no fragment (" + scheme + "://" + uri.getHost() + ")");
        }
        return new WebhookTarget(uri);
    }

    /** Where to POST. Never logged nor answered: see {@link #origin()}. */
    public URI url() {
        return url;
    }

    /** The scheme, host and port only, e.g. {@code https://hooks.example.com:443}: how the target is shown. */
    public String origin() {
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        String host = url.getHost().contains(":") && !url.getHost().startsWith("[")
                ? "[" + url.getHost() + "]"
                : url.getHost();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookTarget t && t.url.equals(url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url);
    }

    @Override
    public String toString() {
        return "webhook " + origin();
    }
}
