package io.vigil.recorder;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.ArchiveWriter;
import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraChanged;
import io.vigil.camera.CameraRepository;
import io.vigil.camera.CameraStatusBoard;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps exactly one {@link CameraRecorder} running per enabled camera: starts them at start-up,
 * restarts one when its camera changes, stops it when the camera is disabled or deleted, and
 * stops them all (storing the segments in progress) at shutdown.
 */
@Singleton
public class RecorderSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(RecorderSupervisor.class);

    private final CameraRepository cameras;
    private final ArchiveWriter archive;
    private final SegmentCatalog catalog;
    private final SegmentIndex index;
    private final CameraStatusBoard statusBoard;
    private final RecorderConfig config;
    private final Clock clock;
    private final Map<String, CameraRecorder> running = new HashMap<>();
    private boolean shutDown;

    public RecorderSupervisor(CameraRepository cameras, ArchiveWriter archive, SegmentCatalog catalog,
                              SegmentIndex index, CameraStatusBoard statusBoard, RecorderConfig config, Clock clock) {
        this.catalog = catalog;
        this.cameras = cameras;
        this.archive = archive;
        this.index = index;
        this.statusBoard = statusBoard;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        for (Camera camera : cameras.findAll()) {
            sync(camera.id());
        }
    }

    @EventListener
    public void onCameraChanged(CameraChanged event) {
        sync(event.cameraId());
    }

    @EventListener
    public void onShutdown(ShutdownEvent event) {
        stopAll();
    }

    /** Makes the running recorder of a camera match its stored definition. */
    public synchronized void sync(String cameraId) {
        if (shutDown) {
            return;
        }
        Optional<Camera> wanted = cameras.find(cameraId).filter(Camera::enabled);
        CameraRecorder current = running.get(cameraId);
        if (current != null && wanted.isPresent() && current.camera().recordsLike(wanted.get())
                && !current.finished().isDone()) {
            return;
        }
        CompletableFuture<Void> predecessor = CompletableFuture.completedFuture(null);
        if (current != null) {
            current.stop();
            predecessor = current.finished();
            running.remove(cameraId);
            LOG.info("Camera {}: recorder stopping", cameraId);
        }
        if (wanted.isEmpty()) {
            if (cameras.find(cameraId).isEmpty()) {
                predecessor.thenRun(() -> statusBoard.forget(cameraId));
            }
            return;
        }
        Camera camera = wanted.get();
        CameraRecorder recorder = new CameraRecorder(camera, config, index, statusBoard, clock, archive, catalog,
                predecessor);
        Thread thread = new Thread(recorder, "record-" + cameraId);
        thread.setDaemon(true);
        running.put(cameraId, recorder);
        thread.start();
        LOG.info("Camera {}: recorder started for {}", cameraId, camera.url());
    }

    @PreDestroy
    public void stopAll() {
        CompletableFuture<?>[] all;
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            running.values().forEach(CameraRecorder::stop);
            all = running.values().stream().map(CameraRecorder::finished).toArray(CompletableFuture[]::new);
            running.clear();
        }
        try {
            CompletableFuture.allOf(all).get(40, TimeUnit.SECONDS);
            LOG.info("All recorders stopped");
        } catch (TimeoutException e) {
            LOG.error("Some recorders did not stop within 40 s");
        } catch (Exception e) {
            LOG.error("Stopping recorders failed: {}", e.toString());
        }
    }
}
