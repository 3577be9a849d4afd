package io.vigil.e2e;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.vigil.kernel.ClockFactory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The system clock plus an offset a test shifts, as an NTP step or a mis-set clock would move it. */
final class ShiftableClock extends Clock {

    static final ShiftableClock INSTANCE = new ShiftableClock();
    private final AtomicLong offsetMillis = new AtomicLong();

    void shift(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }

    void reset() {
        offsetMillis.set(0);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    /** Replaces the service's clock when {@code vigil.test.shiftable-clock} is set. */
    @Factory
    @Requires(property = "vigil.test.shiftable-clock", value = "true")
    static class Beans {
        @Singleton
        @Replaces(bean = Clock.class, factory = ClockFactory.class)
        Clock clock() {
            return INSTANCE;
        }
    }
}
