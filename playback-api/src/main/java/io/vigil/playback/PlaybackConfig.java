package io.vigil.playback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Playback settings.
 *
 * @param liveWindowSegments segments listed in a live playlist
 * @param targetDurationSeconds floor of {@code EXT-X-TARGETDURATION} (the recorder's segment target, rounded up)
 */
@ConfigurationProperties("playback")
public record PlaybackConfig(
        @Bindable(defaultValue = "6") int liveWindowSegments,
        @Bindable(defaultValue = "2") int targetDurationSeconds) {

    public PlaybackConfig {
        if (liveWindowSegments < 3 || liveWindowSegments > 100) {
            throw new IllegalArgumentException("playback.live-window-segments must be 3..100");
        }
        if (targetDurationSeconds < 1) {
            throw new IllegalArgumentException("playback.target-duration-seconds must be >= 1");
        }
    }
}
