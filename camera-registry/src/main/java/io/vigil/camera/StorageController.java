package io.vigil.camera;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.archive.read.StoredFootage;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.hook.CameraScope;
import io.vigil.kernel.hook.GlobalQuota;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/storage}: every camera's footage together against the global quota, for the cameras page. Its stored
 * footage is one aggregate, its rate the status of each stream recording now.
 */
@Controller("/api/storage")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StorageController {

    private final CameraRegistry registry;
    private final CameraStatusBoard statusBoard;
    private final ArchiveReader archive;
    private final GlobalQuota globalQuota;
    private final CameraScope scope;
    private final Clock clock;

    public StorageController(
            CameraRegistry registry,
            CameraStatusBoard statusBoard,
            ArchiveReader archive,
            GlobalQuota globalQuota,
            CameraScope scope,
            Clock clock) {
        this.scope = scope;
        this.registry = registry;
        this.statusBoard = statusBoard;
        this.archive = archive;
        this.globalQuota = globalQuota;
        this.clock = clock;
    }

    /**
     * A caller with a camera allow-list gets the totals of its cameras and no global quota (it spans cameras the
     * caller may not see); everyone else every stream's footage, that of removed cameras included (the quota counts
     * it until retention removes it).
     */
    @Get
    public StorageSummary summary(HttpRequest<?> request) {
        Map<String, StoredFootage> stored = archive.storedFootage();
        List<Integer> rates = new ArrayList<>();
        List<StoredFootage> seen = new ArrayList<>();
        boolean everyCamera = true;
        for (Camera camera : registry.list()) {
            if (!scope.allows(request, camera.id())) {
                everyCamera = false;
                continue;
            }
            for (StreamName stream : camera.streams()) {
                Integer kbps = statusBoard.get(camera, stream).bitrateKbps();
                if (kbps != null && kbps > 0) {
                    rates.add(kbps);
                }
                StoredFootage footage =
                        stored.get(StreamKey.of(camera.id(), stream).value());
                if (footage != null) {
                    seen.add(footage);
                }
            }
        }
        long quota = globalQuota.maxBytes().orElse(0);
        return everyCamera
                ? StorageSummary.of(stored.values(), rates, quota > 0 ? quota : null, clock.instant())
                : StorageSummary.of(seen, rates, null, clock.instant());
    }
}
