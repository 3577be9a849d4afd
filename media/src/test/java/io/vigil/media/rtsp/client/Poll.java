package io.vigil.media.rtsp.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling: tests never sleep a fixed time. */
final class Poll {

    private Poll() {}

    static void until(Duration deadline, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
