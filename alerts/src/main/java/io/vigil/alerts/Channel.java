package io.vigil.alerts;

import io.vigil.alerts.delivery.Delivery;
import java.time.Duration;

/**
 * A way out for one alert target: makes one attempt of a delivery. It never throws for a failed attempt, and what
 * it reports names the target by its origin only, never a secret.
 */
public interface Channel {

    /**
     * What one attempt got.
     *
     * @param delivered whether the target took it (a 2xx answer; an SMTP server's 250 to the message)
     * @param status    the HTTP status or SMTP reply code of the last answer; null when there was none
     * @param error     why it failed, short, no secret; null when delivered
     */
    record Outcome(boolean delivered, Integer status, String error) {

        public static Outcome delivered(int status) {
            return new Outcome(true, status, null);
        }

        public static Outcome failed(Integer status, String error) {
            return new Outcome(false, status, error);
        }
    }

    /** The target this channel reaches. */
    AlertTarget target();

    /**
     * The longest one attempt may take when every step waits its full timeout: how long an attempt under way is
     * claimed (with a margin) before another node may take it over.
     */
    Duration longestAttempt();

    /** One attempt of {@code delivery} of {@code alert}. */
    Outcome send(Alert alert, Delivery delivery);
}
