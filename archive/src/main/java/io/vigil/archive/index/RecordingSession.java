package io.vigil.archive.index;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection to a camera. Segments of one session play back without a discontinuity.
 *
 * @param id         random UUID
 * @param cameraId   camera slug
 * @param started    wall-clock start of the first segment
 * @param videoCodec FFmpeg codec name of the video
 * @param audioCodec FFmpeg codec name of the recorded audio, or null
 */
public record RecordingSession(String id, String cameraId, Instant started, String videoCodec, String audioCodec) {

    public RecordingSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(videoCodec, "videoCodec");
    }
}
