package io.vigil.camera;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} part "camerasFile": what the last reading of the cameras file found (when, how many cameras, which
 * entries were skipped and why). Always UP: a bad entry stops only that camera's change, never the service.
 */
@Singleton
public class CamerasFileHealthIndicator implements HealthIndicator {

    private final CamerasFileLoader loader;

    public CamerasFileHealthIndicator(CamerasFileLoader loader) {
        this.loader = loader;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CamerasFileState state = loader.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", state.file());
        if (state.readAt() != null) {
            details.put("readAt", state.readAt().toString());
            details.put("applied", state.applied());
            details.put("cameras", state.cameras());
        }
        details.put("errors", state.errors());
        return Mono.just(HealthResult.builder("camerasFile", HealthStatus.UP)
                .details(details)
                .build());
    }
}
