package io.vigil.recorder;

import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.index.RecordingSession;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraStatus.State;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.recorder.connect.CameraConnector;
import io.vigil.recorder.connect.ConnectRefused;
import io.vigil.recorder.connect.ConnectTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one stream of a camera (its main or sub stream, named by its stream key) for as long as it is enabled: connect, record a session with the engine {@link EngineChoice}
 * picks ({@link StreamEngine}), and on any failure report why and reconnect after a backoff; a stream the native
 * engine cannot record is recorded with FFmpeg from then on ({@link EngineFallback}). Runs on a thread of its own;
 * never dies on a camera fault.
 */
final class CameraRecorder implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRecorder.class);

    private final Camera camera;
    private final StreamName streamName;
    /** The stream key of what this recorder records: status, archive and live edge go by it. */
    private final String key;

    private final RecorderConfig config;
    private final CameraStatusBoard statusBoard;
    private final Clock clock;
    private final ArchiveWriter archive;
    private final ArchiveReader reader;
    private final CompletableFuture<Void> predecessor;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final ReconnectBackoff backoff;
    /** Whether this recorder made an attempt already: its next is a retry. Its own thread only. */
    private boolean retrying;

    private final CameraConnector connector;
    private final StreamEngines engines;
    private final EngineFallback fallback;
    private volatile StreamSession current;

    CameraRecorder(
            Camera camera,
            StreamName stream,
            RecorderConfig config,
            CameraStatusBoard statusBoard,
            Clock clock,
            ArchiveWriter archive,
            ArchiveReader reader,
            CompletableFuture<Void> predecessor,
            CameraConnector connector,
            StreamEngines engines) {
        this.camera = camera;
        this.streamName = stream;
        this.key = StreamKey.of(camera.id(), stream).value();
        this.engines = engines;
        this.fallback = new EngineFallback(camera, engines.has(Camera.Engine.NATIVE));
        this.connector = connector;
        this.config = config;
        this.statusBoard = statusBoard;
        this.clock = clock;
        this.archive = archive;
        this.reader = reader;
        this.predecessor = predecessor;
        this.backoff = new ReconnectBackoff(
                config.backoffInitial(),
                config.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    Camera camera() {
        return camera;
    }

    StreamName streamName() {
        return streamName;
    }

    /** Completes when the recorder has stopped and its segments are stored. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** Asks the recorder to stop; the segment in progress is still stored. */
    void stop() {
        stopSignal.countDown();
        StreamSession session = current;
        if (session != null) {
            session.requestStop();
        }
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    @Override
    public void run() {
        try {
            predecessor.join();
            while (!stopping()) {
                Duration delay = recordOneSession();
                if (stopping() || waitFor(delay)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Camera {}: recorder failed unexpectedly", key, e);
            statusBoard.report(
                    key, State.ERROR, "internal error: " + e.getClass().getSimpleName());
        } finally {
            finished.complete(null);
        }
    }

    /** Connects and records until the session ends; returns how long to wait before the next attempt. */
    private Duration recordOneSession() {
        if (retrying) {
            statusBoard.attempting(key); // a failure's state stays until the stream records
        } else {
            statusBoard.report(key, State.CONNECTING, null); // a new recorder (a changed camera) starts afresh
            retrying = true;
        }
        EngineChoice.Choice choice = fallback.next();
        StreamEngine engine = engines.get(choice.engine());
        statusBoard.engine(key, null, choice.reason());
        Instant connectedAt = clock.instant();
        StreamSession stream;
        try (ConnectTarget target = connector.prepare(camera, streamName, config.connectTimeout())) {
            stream = engine.open(key, target, camera.transport(), config.connectTimeout());
        } catch (ConnectRefused e) {
            return onRefused(e);
        } catch (StreamError e) {
            return fellBack(e, engine) ? Duration.ZERO : onConnectFailure(e);
        }
        current = stream;
        if (stopping()) {
            stream.requestStop();
        }
        try (stream) {
            if (stream.ignoredAudioCodec() != null) {
                LOG.warn(
                        "Camera {}: audio codec {} is not recorded (only AAC is); video is",
                        key,
                        stream.ignoredAudioCodec());
            }
            RecordingSession session = new RecordingSession(
                    UUID.randomUUID().toString(), key, connectedAt, stream.videoCodec(), stream.audioCodec());
            LOG.info("Camera {}: connected, session {}, {} engine", key, session.id(), engine.kind());
            statusBoard.sessionStarted(
                    key,
                    session.id(),
                    connectedAt,
                    session.videoCodec() + (session.audioCodec() == null ? "" : "+" + session.audioCodec()),
                    stream.resolution());
            statusBoard.engine(key, engine.kind(), choice.reason());
            String reason = stream.run(
                    new SessionContext(key, session, archive, statusBoard, clock, config, previousSegmentEnd()));
            if (!stopping()) {
                statusBoard.report(key, State.OFFLINE, "disconnected: " + reason);
            }
            LOG.info(
                    "Camera {}: session {} ended after {} segment(s), {} timestamp repair(s): {}",
                    key,
                    session.id(),
                    stream.segments(),
                    stream.timestampRepairs(),
                    reason);
            if (stopping()) {
                return Duration.ZERO;
            }
            if (Duration.between(connectedAt, clock.instant()).compareTo(config.healthyAfter()) >= 0) {
                backoff.reset();
            }
            return backoff.next();
        } catch (StreamError e) {
            if (fellBack(e, engine)) {
                return Duration.ZERO;
            }
            statusBoard.report(key, State.ERROR, e.getMessage());
            LOG.error("Camera {}: cannot record the stream: {}", key, e.forLog());
            return config.backoffMax();
        } finally {
            current = null;
            statusBoard.engine(key, null, choice.reason());
        }
    }

    /** True if the native engine cannot record this stream: the next session, at once, is FFmpeg's. */
    private boolean fellBack(StreamError e, StreamEngine engine) {
        if (stopping() || !fallback.fallsBack(e, engine.kind())) {
            return false;
        }
        LOG.warn("Camera {}: recorded with FFmpeg from now on: {}", key, e.forLog());
        return true;
    }

    /** Vigil itself did not connect (denied network, untrusted certificate, no address): nothing was sent. */
    private Duration onRefused(ConnectRefused e) {
        if (stopping()) {
            return Duration.ZERO;
        }
        statusBoard.report(key, e.state(), e.getMessage());
        LOG.warn("Camera {}: {}", key, e.getMessage());
        return backoff.next();
    }

    private Duration onConnectFailure(StreamError e) {
        if (stopping()) {
            return Duration.ZERO;
        }
        switch (e.kind()) {
            case UNAUTHORIZED -> {
                statusBoard.report(key, State.UNAUTHORIZED, "the camera refused the credentials: " + e.getMessage());
                LOG.warn(
                        "Camera {}: credentials refused ({}); retrying in {} s",
                        key,
                        e.forLog(),
                        config.unauthorizedBackoff().toSeconds());
                return config.unauthorizedBackoff();
            }
            case UNREACHABLE -> {
                statusBoard.report(key, State.OFFLINE, e.getMessage());
                LOG.warn("Camera {}: unreachable: {}", key, e.forLog());
                return backoff.next();
            }
            default -> {
                statusBoard.report(key, State.ERROR, e.getMessage());
                LOG.warn("Camera {}: {}", key, e.forLog());
                return backoff.next();
            }
        }
    }

    private Instant previousSegmentEnd() {
        return reader.newest(key).map(s -> s.end()).orElse(null);
    }

    /** Waits, returning true if asked to stop meanwhile. */
    private boolean waitFor(Duration delay) {
        try {
            return stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
