package io.vigil.recorder;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraChanged;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraStatusBoard;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.hook.RecordingAssignment;
import io.vigil.kernel.hook.RecordingControl;
import io.vigil.live.LiveEdges;
import io.vigil.recorder.connect.CameraConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one {@link CameraRecorder} running per stream (main, and sub where it has one) of each enabled camera
 * that this node records
 * ({@link RecordingAssignment}): starts them at start-up, restarts one when its camera changes, stops it when the
 * camera is disabled, deleted or assigned elsewhere, and stops them all (storing the segments in progress) at
 * shutdown.
 */
@Singleton
public class RecorderSupervisor implements RecordingControl {

    private static final Logger LOG = LoggerFactory.getLogger(RecorderSupervisor.class);

    private final CameraRepository cameras;
    private final ArchiveWriter archive;
    private final ArchiveReader reader;
    private final CameraStatusBoard statusBoard;
    private final RecorderConfig config;
    private final Clock clock;
    private final RecordingAssignment assignment;
    private final CameraConnector connector;
    private final StreamEngines engines;
    private final LiveEdges liveEdges;
    /** By stream key; changed under this object's lock; read without it by {@link #stopNow}. */
    private final Map<String, CameraRecorder> running = new ConcurrentHashMap<>();

    private boolean shutDown;
    private final CompletableFuture<Void> allStopped = new CompletableFuture<>();
    /** Per stream key, when its last stopped recorder has stored its last segment (kept so every caller can wait). */
    private final Map<String, CompletableFuture<Void>> lastStopped = new ConcurrentHashMap<>();

    public RecorderSupervisor(
            CameraRepository cameras,
            ArchiveWriter archive,
            ArchiveReader reader,
            CameraStatusBoard statusBoard,
            RecorderConfig config,
            Clock clock,
            RecordingAssignment assignment,
            CameraConnector connector,
            StreamEngines engines,
            LiveEdges liveEdges) {
        this.liveEdges = liveEdges;
        this.assignment = assignment;
        this.engines = engines;
        this.connector = connector;
        this.reader = reader;
        this.cameras = cameras;
        this.archive = archive;
        this.statusBoard = statusBoard;
        this.config = config;
        this.clock = clock;
    }

    // each recorder starts in the background; nobody waits for it
    @SuppressWarnings("FutureReturnValueIgnored")
    @EventListener
    public void onStartup(StartupEvent event) {
        for (Camera camera : cameras.findAll()) {
            sync(camera.id());
        }
    }

    // the recorder restarts in the background; nobody waits for it
    @SuppressWarnings("FutureReturnValueIgnored")
    @EventListener
    public void onCameraChanged(CameraChanged event) {
        sync(event.cameraId());
    }

    @EventListener
    public void onShutdown(ShutdownEvent event) {
        stopAll();
    }

    /** Brings the recorders of each of the camera's streams in line with what is stored and assigned. */
    @Override
    public synchronized CompletableFuture<Void> sync(String cameraId) {
        if (shutDown) {
            return allStopped;
        }
        Optional<Camera> wanted =
                cameras.find(cameraId).filter(Camera::enabled).filter(c -> assignment.recordsHere(c.id()));
        boolean exists = wanted.isPresent() || cameras.find(cameraId).isPresent();
        return CompletableFuture.allOf(Arrays.stream(StreamName.values())
                .map(stream -> sync(cameraId, stream, wanted.filter(c -> c.has(stream)), exists))
                .toArray(CompletableFuture[]::new));
    }

    // forgetting a removed stream's status once its recorder stopped; nobody waits for that
    @SuppressWarnings("FutureReturnValueIgnored")
    private CompletableFuture<Void> sync(String cameraId, StreamName stream, Optional<Camera> wanted, boolean exists) {
        String key = StreamKey.of(cameraId, stream).value();
        CameraRecorder current = running.get(key);
        if (current != null
                && wanted.isPresent()
                && current.camera().recordsLike(wanted.get(), stream)
                && !current.finished().isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> predecessor = lastStopped.getOrDefault(key, CompletableFuture.completedFuture(null));
        if (current != null) {
            current.stop();
            predecessor = current.finished();
            lastStopped.put(key, predecessor);
            running.remove(key);
            LOG.info("Camera {}: recorder stopping", key);
        }
        if (wanted.isEmpty()) {
            if (!exists || stream == StreamName.SUB) {
                predecessor.thenRun(() -> forgetStatus(key));
            }
            predecessor.thenRun(() -> forgetLiveEdge(key));
            return predecessor;
        }
        Camera camera = wanted.get();
        CameraRecorder recorder = new CameraRecorder(
                camera, stream, config, statusBoard, clock, archive, reader, predecessor, connector, engines);
        Thread thread = new Thread(recorder, "record-" + key);
        thread.setDaemon(true);
        running.put(key, recorder);
        thread.start();
        LOG.info("Camera {}: recorder started for {} (engine {})", key, camera.url(stream), camera.engine());
        return predecessor;
    }

    /** No recorder here for the stream any more, and none started since: its status goes. */
    private synchronized void forgetStatus(String key) {
        if (!running.containsKey(key)) {
            statusBoard.forget(key);
        }
    }

    /** No recorder here for the stream any more: its live edge goes (live players go to the archive or its node). */
    private synchronized void forgetLiveEdge(String key) {
        if (!running.containsKey(key)) {
            liveEdges.remove(key);
        }
    }

    /** Takes neither this object's lock nor a database read. */
    @Override
    public void stopNow(String cameraId) {
        for (StreamName stream : StreamName.values()) {
            CameraRecorder current = running.get(StreamKey.of(cameraId, stream).value());
            if (current != null) {
                current.stop();
            }
        }
    }

    @Override
    public CompletableFuture<Void> stopped(String cameraId) {
        return CompletableFuture.allOf(Arrays.stream(StreamName.values())
                .map(stream -> stopped(StreamKey.of(cameraId, stream)))
                .toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> stopped(StreamKey key) {
        CameraRecorder current = running.get(key.value());
        CompletableFuture<Void> last = lastStopped.getOrDefault(key.value(), CompletableFuture.completedFuture(null));
        return current == null ? last : CompletableFuture.allOf(last, current.finished());
    }

    /** Whether a recorder for the camera's main stream runs on this node. */
    public synchronized boolean recording(String cameraId) {
        CameraRecorder current = running.get(cameraId);
        return current != null && !current.finished().isDone();
    }

    /** Waits at most 40 s. */
    @Override
    @PreDestroy
    public void stopAll() {
        CompletableFuture<?>[] all;
        boolean already;
        synchronized (this) {
            already = shutDown;
            if (!already) {
                shutDown = true;
                running.values().forEach(CameraRecorder::stop);
            }
            all = running.values().stream().map(CameraRecorder::finished).toArray(CompletableFuture[]::new);
            running.clear();
        }
        if (already) {
            awaitAllStopped();
            return;
        }
        try {
            CompletableFuture.allOf(all).get(40, TimeUnit.SECONDS);
            LOG.info("All recorders stopped");
        } catch (TimeoutException e) {
            LOG.error("Some recorders did not stop within 40 s");
        } catch (Exception e) {
            LOG.error("Stopping recorders failed: {}", e.toString());
        } finally {
            allStopped.complete(null);
        }
    }

    private void awaitAllStopped() {
        try {
            allStopped.get(45, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Waiting for the recorders to stop: {}", e.toString());
        }
    }
}
