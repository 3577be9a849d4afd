package io.vigil.playback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.vigil.archive.index.RecordingSpan;
import java.time.Duration;

/**
 * Playback settings.
 *
 * @param liveWindowSegments segments listed in a live playlist
 * @param targetDurationSeconds floor of {@code EXT-X-TARGETDURATION} (the recorder's segment target, rounded up)
 * @param gapTolerance          a longer pause between segments is a gap (a discontinuity, a break in the timeline)
 * @param maxPlaylistRange      longest range of a playlist or timeline request
 * @param maxClipRange          longest range of a clip export
 * @param delivery              {@code proxied}: playlists point at Vigil, which streams from the store;
 *                              {@code presigned}: at presigned object-store URLs (players must reach the store)
 * @param presignedValidity     how long presigned URLs stay valid: 1 s to 10 min ({@link PresignPolicy})
 * @param clipReadAhead         media segments a clip export fetches ahead of the one it sends (memory: that many segments per export)
 * @param maxVerifyRange        longest range of a {@code /verify} request (each one re-reads every segment in it)
 */
@ConfigurationProperties("vigil.playback")
public record PlaybackConfig(
        @Bindable(defaultValue = "6") int liveWindowSegments,
        @Bindable(defaultValue = "2") int targetDurationSeconds,
        @Bindable(defaultValue = "1s") Duration gapTolerance,
        @Bindable(defaultValue = "31d") Duration maxPlaylistRange,
        @Bindable(defaultValue = "24h") Duration maxClipRange,
        @Bindable(defaultValue = "PROXIED") Delivery delivery,
        @Bindable(defaultValue = "5m") Duration presignedValidity,
        @Bindable(defaultValue = "4") int clipReadAhead,
        @Bindable(defaultValue = "24h") Duration maxVerifyRange) {

    /** Where playlists send players for segment bytes. */
    public enum Delivery {
        PROXIED,
        PRESIGNED
    }

    public PlaybackConfig {
        if (liveWindowSegments < 3 || liveWindowSegments > 100) {
            throw new IllegalArgumentException("vigil.playback.live-window-segments must be 3..100");
        }
        if (gapTolerance.toMillis() < RecordingSpan.JOIN_TOLERANCE_MILLIS) {
            throw new IllegalArgumentException("vigil.playback.gap-tolerance must be at least "
                    + RecordingSpan.JOIN_TOLERANCE_MILLIS + " ms, the pause the archive's recorded spans already join");
        }
        if (clipReadAhead < 1 || clipReadAhead > 64) {
            throw new IllegalArgumentException("vigil.playback.clip-read-ahead must be 1..64");
        }
        if (maxVerifyRange.isZero() || maxVerifyRange.isNegative()) {
            throw new IllegalArgumentException("vigil.playback.max-verify-range must be positive");
        }
        PresignPolicy.requireValidity(presignedValidity);
        if (targetDurationSeconds < 1) {
            throw new IllegalArgumentException("vigil.playback.target-duration-seconds must be >= 1");
        }
    }
}
