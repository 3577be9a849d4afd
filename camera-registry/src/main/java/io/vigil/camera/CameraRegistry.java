package io.vigil.camera;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.vigil.camera.network.CameraNetworkPolicy;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers, changes and removes cameras, and tells the recorder about it through {@link CameraChanged}.
 * Removing a camera never deletes its recordings.
 */
@Singleton
public class CameraRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRegistry.class);

    private final CameraRepository repository;
    private final ApplicationEventPublisher<CameraChanged> events;
    private final Clock clock;
    private final CameraValidator validator;
    private final CameraNetworkPolicy networks;
    private final ApplicationEventPublisher<CameraEdit> edits;

    @Inject
    public CameraRegistry(
            CameraRepository repository,
            ApplicationEventPublisher<CameraChanged> events,
            Clock clock,
            @Value("${vigil.retention.default-days:30}") int defaultRetentionDays,
            CameraNetworkPolicy networks,
            ApplicationEventPublisher<CameraEdit> edits) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.validator = new CameraValidator(defaultRetentionDays);
        this.networks = networks;
        this.edits = edits;
    }

    /** A registry that allows every camera network and tells nobody about the cameras file's changes. */
    public CameraRegistry(
            CameraRepository repository,
            ApplicationEventPublisher<CameraChanged> events,
            Clock clock,
            int defaultRetentionDays) {
        this(repository, events, clock, defaultRetentionDays, CameraNetworkPolicy.allowingAll(), edit -> {});
    }

    public List<Camera> list() {
        return repository.findAll();
    }

    public Camera get(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    public Camera create(CameraRequest request) {
        Camera camera = allowedNetwork(validator.validate(request, Optional.empty(), Camera.Source.API));
        if (!repository.insert(camera, clock.instant())) {
            throw new VigilException(ErrorCode.CAMERA_EXISTS, "camera " + camera.id() + " already exists");
        }
        LOG.info("Camera {} registered ({})", camera.id(), camera.url());
        events.publishEvent(new CameraChanged(camera.id()));
        return camera;
    }

    public Camera update(String id, CameraRequest request) {
        Camera existing = get(id);
        requireApiManaged(existing);
        Camera camera = allowedNetwork(validator.validate(request, Optional.of(existing), Camera.Source.API));
        repository.update(camera, clock.instant());
        LOG.info("Camera {} changed ({}, enabled={})", id, camera.url(), camera.enabled());
        events.publishEvent(new CameraChanged(id));
        return camera;
    }

    public void delete(String id) {
        Camera existing = get(id);
        requireApiManaged(existing);
        repository.delete(id);
        LOG.info("Camera {} deleted; its recordings are kept until retention removes them", id);
        events.publishEvent(new CameraChanged(id));
    }

    /**
     * Makes the registry match the cameras file: adds and changes the file's cameras, and disables
     * file-managed cameras that are no longer in it (their recordings are kept).
     *
     * @param fileCameras     the file's cameras by id
     * @param disableMissing  false when the file had errors: then absent cameras are left alone
     * @return why each entry that was refused was (its camera left as it was), in the file's order
     */
    public List<String> applyCamerasFile(Map<String, CameraRequest> fileCameras, boolean disableMissing) {
        List<String> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var entry : fileCameras.entrySet()) {
            String id = entry.getKey();
            seen.add(id);
            Optional<Camera> existing = repository.find(id);
            Camera wanted;
            try {
                wanted = allowedNetwork(validator.validate(entry.getValue(), Optional.empty(), Camera.Source.FILE));
            } catch (VigilException e) {
                LOG.error("Camera {} in the cameras file is invalid, left as it was: {}", id, e.getMessage());
                refused.add("camera " + id + ": " + e.getMessage()
                        + (e.fieldErrors().isEmpty() ? "" : " " + e.fieldErrors()));
                continue;
            }
            CameraEdit edit;
            if (existing.isEmpty()) {
                repository.insert(wanted, clock.instant());
                LOG.info("Camera {} added from the cameras file ({})", id, wanted.url());
                edit = new CameraEdit(id, CameraEdit.Action.CREATE, CameraDiff.created(wanted) + " (cameras file)");
            } else if (!existing.get().equals(wanted)) {
                repository.update(wanted, clock.instant());
                LOG.info("Camera {} updated from the cameras file ({})", id, wanted.url());
                edit = new CameraEdit(
                        id, CameraEdit.Action.UPDATE, CameraDiff.changed(existing.get(), wanted) + " (cameras file)");
            } else {
                continue;
            }
            events.publishEvent(new CameraChanged(id));
            edits.publishEvent(edit);
        }
        for (Camera camera : repository.findAll()) {
            if (disableMissing
                    && camera.source() == Camera.Source.FILE
                    && !seen.contains(camera.id())
                    && camera.enabled()) {
                repository.update(camera.withEnabled(false), clock.instant());
                LOG.warn("Camera {} is no longer in the cameras file: disabled, recordings kept", camera.id());
                events.publishEvent(new CameraChanged(camera.id()));
                edits.publishEvent(new CameraEdit(
                        camera.id(),
                        CameraEdit.Action.DISABLE,
                        "disabled: no longer in the cameras file; recordings kept"));
            }
        }
        return refused;
    }

    /** The camera, if its URL's host is in an allowed camera network; else 400 naming the url field. */
    private Camera allowedNetwork(Camera camera) {
        Optional<String> refusal = networks.refusal(camera.url());
        if (refusal.isPresent()) {
            throw VigilException.invalid(Map.of("url", "points at " + refusal.get()));
        }
        return camera;
    }

    private static void requireApiManaged(Camera camera) {
        if (camera.source() == Camera.Source.FILE) {
            throw new VigilException(
                    ErrorCode.CAMERA_MANAGED_BY_FILE,
                    "camera " + camera.id()
                            + " is defined in the cameras file; change it there and restart the service");
        }
    }

    private static VigilException notFound(String id) {
        return new VigilException(ErrorCode.CAMERA_NOT_FOUND, "no camera " + id);
    }
}
