package io.vigil.recorder;

import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.SegmentDraft;
import io.vigil.archive.index.RecordingSession;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.error.VigilException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a session in the archive: its row, opened and closed, and its cut fragments: each is dated on the wall clock ({@link SegmentClock}), handed to the
 * archive as a {@link SegmentDraft} with the session's init segment, and counted in the camera's status.
 */
public final class SegmentOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentOutput.class);

    private final String cameraId;
    private final RecordingSession session;
    private final ArchiveWriter archive;
    private final CameraStatusBoard statusBoard;
    private final SegmentClock segmentClock;
    private final Integer aacProfile;
    private byte[] initBytes;
    private String codecs;
    private long segments;

    /** @param aacProfile the audio track's AAC profile, null without audio (for the codecs string) */
    public SegmentOutput(
            String cameraId,
            RecordingSession session,
            ArchiveWriter archive,
            CameraStatusBoard statusBoard,
            SegmentClock segmentClock,
            Integer aacProfile) {
        this.cameraId = cameraId;
        this.session = session;
        this.archive = archive;
        this.statusBoard = statusBoard;
        this.segmentClock = segmentClock;
        this.aacProfile = aacProfile;
    }

    /** The session's row in the index, before its first segment; a failure is logged and recording goes on. */
    public void open() {
        try {
            archive.openSession(session);
        } catch (VigilException e) {
            LOG.error("Camera {}: session {} not recorded in the index: {}", cameraId, session.id(), e.getMessage());
        }
    }

    /** The session's end in its row: at {@code ended}, for {@code reason}; a failure is logged. */
    public void close(Instant ended, String reason) {
        try {
            archive.closeSession(session.id(), ended, reason);
        } catch (VigilException e) {
            LOG.error(
                    "Camera {}: end of session {} not recorded in the index: {}",
                    cameraId,
                    session.id(),
                    e.getMessage());
        }
    }

    /** The session's first segment was cut: its init segment and codecs, once. */
    public boolean needsInit() {
        return initBytes == null;
    }

    public void init(byte[] initSegment) {
        initBytes = initSegment;
        codecs = CodecsString.of(initBytes, aacProfile);
        LOG.info("Camera {}: session {} records {}", cameraId, session.id(), codecs);
    }

    /**
     * One fragment of {@code durationMicros} from {@code startMicros} on the session's timeline, holding
     * {@code frames} video frames; an empty or zero-length one is dropped.
     */
    public void segment(byte[] fragment, long startMicros, long durationMicros, boolean keyframeStart, int frames) {
        int durationMillis = (int) Math.round(durationMicros / 1000.0);
        if (fragment.length == 0 || durationMillis <= 0) {
            return;
        }
        int reanchors = segmentClock.reanchors();
        Instant start = segmentClock.startOf(startMicros);
        if (segmentClock.reanchors() > reanchors) {
            LOG.warn(
                    "Camera {}: stream clock drifted from the receive clock by more than the bound; "
                            + "segment times follow the receive clock again from {}",
                    cameraId,
                    start);
        }
        segmentClock.ended(start.plusMillis(durationMillis));
        segments++;
        archive.append(new SegmentDraft(
                cameraId, session.id(), start, durationMillis, fragment, keyframeStart, initBytes, codecs));
        statusBoard.segmentFinished(cameraId, fragment.length, frames, durationMillis);
    }

    /** RFC 6381 codecs of the session; null until the first segment was cut. */
    public String codecs() {
        return codecs;
    }

    public long segments() {
        return segments;
    }
}
