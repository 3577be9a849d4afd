package io.vigil.recorder;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How cameras are recorded ({@code vigil.recorder.*}).
 *
 * @param segmentTargetMillis target media segment duration; segments end on the first keyframe past it
 * @param partTargetMillis    the native engine writes each segment as fMP4 parts of at most about this duration (100 ms
 *                            to the segment target): the live edge's LL-HLS parts ({@code PART-TARGET})
 * @param connectTimeout      how long opening an RTSP session may take
 * @param stallTimeout        no packet for this long ends the session and reconnects
 * @param maxClockDrift       stream clock vs receive clock difference that re-anchors segment times
 * @param backoffInitial      first reconnect delay
 * @param backoffMax          longest reconnect delay
 * @param unauthorizedBackoff reconnect delay after the camera refused the credentials
 * @param healthyAfter        a session that lasted this long resets the reconnect delay
 */
@ConfigurationProperties("vigil.recorder")
public record RecorderConfig(
        @Bindable(defaultValue = "2000") long segmentTargetMillis,
        @Bindable(defaultValue = "200") long partTargetMillis,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration stallTimeout,
        @Bindable(defaultValue = "5s") Duration maxClockDrift,
        @Bindable(defaultValue = "1s") Duration backoffInitial,
        @Bindable(defaultValue = "30s") Duration backoffMax,
        @Bindable(defaultValue = "60s") Duration unauthorizedBackoff,
        @Bindable(defaultValue = "60s") Duration healthyAfter) {

    public RecorderConfig {
        if (segmentTargetMillis < 500 || segmentTargetMillis > 60_000) {
            throw new IllegalArgumentException("vigil.recorder.segment-target-millis must be 500..60000");
        }
        if (partTargetMillis < 100 || partTargetMillis > segmentTargetMillis) {
            throw new IllegalArgumentException(
                    "vigil.recorder.part-target-millis must be 100 to vigil.recorder.segment-target-millis");
        }
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(stallTimeout, "stall-timeout");
        requirePositive(maxClockDrift, "max-clock-drift");
        requirePositive(backoffInitial, "backoff-initial");
        requirePositive(backoffMax, "backoff-max");
        requirePositive(unauthorizedBackoff, "unauthorized-backoff");
        requirePositive(healthyAfter, "healthy-after");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("vigil.recorder." + name + " must be > 0");
        }
    }
}
