package io.vigil.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries: no MIME sniffing, and no {@code Referer} (a share link's signed URL must not leak
 * to another site from a page that shows it). The console's HTML pages also get a content security policy that
 * allows only Vigil's own scripts, styles and media (hls.js feeds the video element from {@code blob:} URLs and runs
 * its worker from one) and may not be framed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ResponseHardening {

    static final String CONSOLE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                    + "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "frame-ancestors 'none'; form-action 'self'";

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        boolean html = response.getContentType()
                        .map(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                        .orElse(false)
                || request.getPath().equals("/")
                || request.getPath().endsWith(".html");
        if (html) {
            response.header("Content-Security-Policy", CONSOLE_POLICY);
            response.header("X-Frame-Options", "DENY");
        }
    }
}
