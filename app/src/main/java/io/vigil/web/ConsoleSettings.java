package io.vigil.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * {@code GET /console/settings.json}: the console's site settings ({@link ConsoleConfig}, now its time zone), served
 * as one of the console's own files: public like {@code index.html} and the scripts (it holds nothing a stranger could
 * use), not a route of the API (nothing else answers there).
 */
@ServerFilter(ConsoleSettings.PATH)
public class ConsoleSettings {

    static final String PATH = "/console/settings.json";

    private final Map<String, String> settings;

    public ConsoleSettings(ConsoleConfig config) {
        this.settings = Map.of("timeZone", config.timeZone());
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> serve(HttpRequest<?> request) {
        if (!reads(request, PATH)) {
            return null; // the router answers: 404 or 405
        }
        return HttpResponse.ok(settings)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-cache");
    }

    /** Whether the request is a GET or HEAD of exactly this console file. */
    static boolean reads(HttpRequest<?> request, String path) {
        return request.getPath().equals(path)
                && ("GET".equals(request.getMethodName()) || "HEAD".equals(request.getMethodName()));
    }
}
