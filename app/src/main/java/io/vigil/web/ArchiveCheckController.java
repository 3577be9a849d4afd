package io.vigil.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.ArchiveCheck;
import io.vigil.archive.ArchiveChecker;
import io.vigil.camera.RecordedCameras;
import io.vigil.kernel.TimeRange;

/**
 * {@code GET /api/archive/check?cameraId=&start=&end=} (admin): compares index, object store and spool for one
 * camera's segments starting in the range and lists every disagreement. Read-only; also for a deleted camera whose
 * recordings are kept.
 */
@Controller("/api/archive")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArchiveCheckController {

    private final RecordedCameras cameras;
    private final ArchiveChecker checker;

    public ArchiveCheckController(RecordedCameras cameras, ArchiveChecker checker) {
        this.cameras = cameras;
        this.checker = checker;
    }

    @Get("/check")
    public ArchiveCheck.Report check(
            @Nullable @QueryValue String cameraId,
            @Nullable @QueryValue String start,
            @Nullable @QueryValue String end,
            @Nullable @QueryValue String stream) {
        io.vigil.kernel.CameraId.require("cameraId", cameraId);
        TimeRange range = ArchiveChecker.bounded(TimeRange.parse(start, end));
        return checker.check(cameras.requireStream(cameraId, stream), range);
    }
}
