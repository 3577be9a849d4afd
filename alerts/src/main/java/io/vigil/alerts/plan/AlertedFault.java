package io.vigil.alerts.plan;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * The service fault an alert is about.
 *
 * @param key     the fault's key, with {@code @node} for a fault only that node sees (e.g. {@code spool-filling@node-a})
 * @param summary one line for people
 * @param since   since when it has been seen
 */
@Serdeable
public record AlertedFault(String key, String summary, Instant since) {

    public AlertedFault {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(since, "since");
    }
}
