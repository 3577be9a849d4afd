package io.vigil.e2e;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A health indicator a test turns DOWN at will; only in services started with {@code vigil.test.health-switch}. */
@Singleton
@Requires(property = "vigil.test.health-switch", value = "true")
public class HealthSwitch implements HealthIndicator {

    static final AtomicBoolean DOWN = new AtomicBoolean();

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.just(HealthResult.builder("test-switch", DOWN.get() ? HealthStatus.DOWN : HealthStatus.UP)
                .details(Map.of("switchedDown", DOWN.get()))
                .build());
    }
}
