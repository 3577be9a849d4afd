package io.vigil.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;

/**
 * {@code GET /favicon.ico}, which browsers and tools ask for whatever the page links: a redirect (301) to the
 * console's own icon, {@code /favicon.svg} (a console file like {@code index.html}, public), instead of a 404 in every
 * log. Like {@link ConsoleSettings}, one of the console's files, not a route of the API.
 */
@ServerFilter(Favicon.PATH)
public class Favicon {

    static final String PATH = "/favicon.ico";
    static final URI ICON = URI.create("/favicon.svg");

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> redirect(HttpRequest<?> request) {
        if (!ConsoleSettings.reads(request, PATH)) {
            return null; // the router answers: 404 or 405
        }
        return HttpResponse.redirect(ICON).header("Cache-Control", "max-age=86400");
    }
}
