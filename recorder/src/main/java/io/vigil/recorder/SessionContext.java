package io.vigil.recorder;

import io.micronaut.core.annotation.Nullable;
import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.index.RecordingSession;
import io.vigil.camera.CameraStatusBoard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an engine's session records to, and the engine-neutral parts it records with: {@link #newCutter()},
 * {@link #newSegmentClock()} and {@link #newOutput}, so every engine cuts, dates and stores segments alike.
 *
 * @param cameraId           the camera
 * @param session            the recording session's row (opened by the output, before its first segment)
 * @param archive            the archive's write face
 * @param statusBoard        the camera's status (RECORDING, finished segments)
 * @param clock              the receive clock
 * @param config             segment target, stall timeout, drift bound
 * @param previousSegmentEnd the end of the camera's newest segment, or null: a new session never starts before it
 */
public record SessionContext(
        String cameraId,
        RecordingSession session,
        ArchiveWriter archive,
        CameraStatusBoard statusBoard,
        Clock clock,
        RecorderConfig config,
        @Nullable Instant previousSegmentEnd) {

    public SessionContext {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(statusBoard, "statusBoard");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(config, "config");
    }

    /** Cuts at the configured segment target. */
    public SegmentCutter newCutter() {
        return new SegmentCutter(config.segmentTargetMillis());
    }

    /** Dates the session's segments on the wall clock, never before the camera's previous segment ended. */
    public SegmentClock newSegmentClock() {
        SegmentClock segmentClock = new SegmentClock(config.maxClockDrift());
        if (previousSegmentEnd != null) {
            segmentClock.ended(previousSegmentEnd);
        }
        return segmentClock;
    }

    /** @param aacProfile the audio track's AAC profile (for the codecs string), null without audio */
    public SegmentOutput newOutput(SegmentClock segmentClock, @Nullable Integer aacProfile) {
        return new SegmentOutput(cameraId, session, archive, statusBoard, segmentClock, aacProfile);
    }
}
