package io.vigil.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /metrics}: every meter in Prometheus' text format, for a scraper. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PrometheusController {

    private static final MediaType PROMETHEUS_TEXT = MediaType.of("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;

    public PrometheusController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get("/metrics")
    public HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
