package io.vigil.access.rule;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.health.indicator.HealthResult;
import io.vigil.access.Caller;
import io.vigil.access.Role;
import java.util.Map;

/**
 * {@code /health} is public (load balancers, probes), its details are not: disks, the database and the archive's
 * backlog are shown to admins only; anyone else gets {@code {"status": "UP"}} (or DOWN) with the same HTTP status.
 */
@ServerFilter({"/health", "/health/**"})
public class HealthDetails implements Ordered {

    @Override
    public int getOrder() {
        // outside Micronaut's own health filter (order 0), which sets the status from the details this one removes
        return ServerFilterPhase.FIRST.after();
    }

    @ResponseFilter
    public void hide(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof HealthResult result
                && Caller.of(request).map(c -> c.role() != Role.ADMIN).orElse(true)) {
            response.body(Map.of("status", result.getStatus().getName()));
        }
    }
}
