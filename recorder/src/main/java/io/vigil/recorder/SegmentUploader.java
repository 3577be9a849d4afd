package io.vigil.recorder;

import io.vigil.archive.SegmentArchive;
import io.vigil.archive.index.InitSegment;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.error.VigilException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stores one camera's segments in order on a thread of its own, so ingest never waits for the
 * object store. Object first, index row after the acknowledgement (see {@link SegmentArchive}).
 */
final class SegmentUploader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentUploader.class);

    private final String cameraId;
    private final SegmentArchive archive;
    private final SegmentIndex index;
    private final CameraStatusBoard statusBoard;
    private final Clock clock;
    private final ExecutorService worker;
    private long nextSequence = -1;
    private String indexedSessionId;

    SegmentUploader(String cameraId, SegmentArchive archive, SegmentIndex index, CameraStatusBoard statusBoard,
                    Clock clock) {
        this.cameraId = cameraId;
        this.archive = archive;
        this.index = index;
        this.statusBoard = statusBoard;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "upload-" + cameraId);
            t.setDaemon(true);
            return t;
        });
    }

    /** A finished media segment waiting to be stored. */
    record Pending(RecordingSession session, byte[] initBytes, String codecs, Instant start, int durationMillis,
                   byte[] bytes, boolean keyframeStart) {
    }

    void sessionEnded(String sessionId, String reason) {
        worker.execute(() -> {
            try {
                index.closeSession(sessionId, clock.instant(), reason);
            } catch (VigilException e) {
                LOG.error("Camera {}: cannot close session {} in the index: {}", cameraId, sessionId, e.getMessage());
            }
        });
    }

    void submit(Pending segment) {
        worker.execute(() -> store(segment));
    }

    private void store(Pending p) {
        try {
            InitSegment init = archive.storeInit(cameraId, p.initBytes(), p.codecs());
            if (!p.session().id().equals(indexedSessionId)) {
                // Sessions are indexed with their first stored segment, so every session row has segments.
                RecordingSession s = p.session();
                index.openSession(new RecordingSession(s.id(), s.cameraId(), p.start(), s.videoCodec(), s.audioCodec()));
                indexedSessionId = s.id();
            }
            if (nextSequence < 0) {
                nextSequence = index.nextSequence(cameraId);
            }
            Segment stored = archive.storeSegment(cameraId, p.session().id(), nextSequence, p.start(),
                    p.durationMillis(), p.bytes(), init.objectKey(), p.keyframeStart());
            nextSequence++;
            statusBoard.segmentStored(cameraId, clock.instant());
            LOG.debug("Camera {}: stored segment {} ({} ms, {} bytes)", cameraId, stored.sequence(),
                    stored.durationMillis(), stored.sizeBytes());
        } catch (VigilException e) {
            // Until the local spool exists, a segment the store refuses is lost: say so loudly.
            LOG.error("Camera {}: segment starting {} ({} ms) NOT stored: {}", cameraId, p.start(), p.durationMillis(),
                    e.getMessage());
            statusBoard.report(cameraId, io.vigil.camera.CameraStatus.State.RECORDING, "storage: " + e.getMessage());
            nextSequence = -1;
        }
    }

    /** Stores what is queued, waiting at most {@code timeoutMillis}. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.error("Camera {}: segments still uploading after 30 s, abandoning them", cameraId);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
