package io.vigil.playback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.archive.SegmentVerifier;
import io.vigil.archive.TimeRange;
import io.vigil.camera.RecordedCameras;

/**
 * {@code GET /api/cameras/{id}/verify?start=&end=}: re-reads stored segments and compares their SHA-256; also for a
 * deleted camera whose recordings are kept.
 */
@Controller("/api/cameras/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrityController {

    private final RecordedCameras cameras;
    private final SegmentVerifier verifier;

    public IntegrityController(RecordedCameras cameras, SegmentVerifier verifier) {
        this.cameras = cameras;
        this.verifier = verifier;
    }

    @Get("/verify")
    public SegmentVerifier.Report verify(String id, @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        cameras.require(id);
        return verifier.verify(id, TimeRange.parse(start, end));
    }
}
