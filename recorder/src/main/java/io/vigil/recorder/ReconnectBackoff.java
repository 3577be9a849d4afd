package io.vigil.recorder;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delay with jitter: initial, doubling to a cap, reset after a healthy
 * session. Pure apart from the injected random source.
 */
final class ReconnectBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private Duration current;

    ReconnectBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
        this.current = initial;
    }

    /** The delay before the next attempt (±20 % jitter), and doubles the one after. */
    Duration next() {
        Duration base = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        double factor = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    void reset() {
        current = initial;
    }
}
