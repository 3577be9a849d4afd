package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.SegmentVerifier;
import io.vigil.archive.TimeRange;
import io.vigil.camera.CameraRegistry;

/** {@code GET /api/cameras/{id}/verify?start=&end=}: re-reads stored segments and compares their SHA-256. */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrityController {

    private final CameraRegistry cameras;
    private final SegmentVerifier verifier;

    public IntegrityController(CameraRegistry cameras, SegmentVerifier verifier) {
        this.cameras = cameras;
        this.verifier = verifier;
    }

    @Get("/verify")
    public SegmentVerifier.Report verify(String id, @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        cameras.get(id);
        return verifier.verify(id, TimeRange.parse(start, end));
    }
}
