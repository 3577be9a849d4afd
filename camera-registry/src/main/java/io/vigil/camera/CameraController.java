package io.vigil.camera;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.StoredFootage;
import io.vigil.error.VigilException;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.hook.CameraScope;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code /api/cameras}: register, change, list and remove cameras. */
@Controller("/api/cameras")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CameraController {

    private final CameraRegistry registry;
    private final CameraStatusBoard statusBoard;
    private final CameraScope scope;
    private final ArchiveReader archive;
    private final Clock clock;

    public CameraController(
            CameraRegistry registry,
            CameraStatusBoard statusBoard,
            CameraScope scope,
            ArchiveReader archive,
            Clock clock) {
        this.registry = registry;
        this.statusBoard = statusBoard;
        this.scope = scope;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * The cameras the caller may see (all of them unless the caller's user has a camera allow-list), each stream with
     * its storage: every stream's stored footage read in one aggregate, however many cameras.
     */
    @Get
    public List<CameraView> list(HttpRequest<?> request) {
        Map<String, StoredFootage> stored = archive.storedFootage();
        return registry.list().stream()
                .filter(c -> scope.allows(request, c.id()))
                .map(c -> view(c, stored))
                .toList();
    }

    @Get("/{id}")
    public CameraView get(String id) {
        return view(registry.get(id));
    }

    @Post
    public HttpResponse<CameraView> create(HttpRequest<?> http, @Body CameraRequest request) {
        if (request != null && request.id() != null) {
            scope.require(http, request.id().trim());
        }
        Camera camera = registry.create(requireBody(request));
        audit(http, camera.id(), CameraDiff.created(camera));
        return HttpResponse.created(view(camera), URI.create("/api/cameras/" + camera.id()));
    }

    @Put("/{id}")
    public CameraView update(HttpRequest<?> http, String id, @Body CameraRequest request) {
        Camera before = registry.get(id);
        Camera after = registry.update(id, requireBody(request));
        audit(http, after.id(), CameraDiff.changed(before, after));
        return view(after);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(String id) {
        registry.delete(id);
    }

    /** The audit row of a change names the camera and says what changed, as {@link CameraDiff} words it. */
    private static void audit(HttpRequest<?> http, String cameraId, String change) {
        AuditNote.camera(cameraId, AuditNote.route(http) + ": " + change).publishOn(http);
    }

    private CameraView view(Camera camera) {
        return view(camera, archive.storedFootage());
    }

    private CameraView view(Camera camera, Map<String, StoredFootage> stored) {
        Map<StreamName, CameraStatus> statuses = new EnumMap<>(StreamName.class);
        for (StreamName stream : camera.streams()) {
            statuses.put(stream, statusBoard.get(camera, stream));
        }
        return CameraView.of(camera, statuses, stored, clock.instant());
    }

    private static CameraRequest requireBody(CameraRequest request) {
        if (request == null) {
            throw VigilException.invalid(Map.of("body", "a JSON camera object is required"));
        }
        return request;
    }
}
