package io.vigil.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The live edge ({@code vigil.live.*}); the parts' target duration is the recorder's
 * ({@code vigil.recorder.part-target-millis}).
 *
 * @param keptSegments complete segments a watched camera's edge keeps (at least 1; a player that knows nothing of
 *                     parts starts about 3 segments behind its newest)
 * @param watchWindow  a camera is watched for this long after a player's last request; an unwatched edge keeps its
 *                     newest complete segment and the one being written
 * @param blockingTimeout how long a blocking reload or a request for a part not yet written waits before 503
 */
@ConfigurationProperties("vigil.live")
public record LiveConfig(
        @Bindable(defaultValue = "4") int keptSegments,
        @Bindable(defaultValue = "60s") Duration watchWindow,
        @Bindable(defaultValue = "6s") Duration blockingTimeout) {

    public LiveConfig {
        if (keptSegments < 1 || keptSegments > 20) {
            throw new IllegalArgumentException("vigil.live.kept-segments must be 1..20");
        }
        if (watchWindow == null || watchWindow.isNegative() || watchWindow.isZero()) {
            throw new IllegalArgumentException("vigil.live.watch-window must be > 0");
        }
        if (blockingTimeout == null || blockingTimeout.isNegative() || blockingTimeout.isZero()) {
            throw new IllegalArgumentException("vigil.live.blocking-timeout must be > 0");
        }
    }
}
