package io.vigil.alerts.plan;

/**
 * How long a service fault lasts before its alert fires, and whether its end sends a recovery.
 *
 * @param delayMillis how long it is seen before it is due, at least 0
 * @param recovery    whether it no longer being seen sends a recovery
 */
public record FaultRule(long delayMillis, boolean recovery) {

    /** The rule name alerts about service faults carry. */
    public static final String NAME = "service-fault";

    public FaultRule {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("a service fault's delay is at least 0 ms");
        }
    }
}
